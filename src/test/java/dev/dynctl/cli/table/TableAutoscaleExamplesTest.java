package dev.dynctl.cli.table;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.cli.Dynctl;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.ShellWords;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The help of `table autoscale` and `table replicas` teaches: its lines fit a 78-column terminal,
 * and its examples run as written on a fresh provisioned table (with a global index byEmail).
 * Replica changes are left out: moto keeps no replicas to wait for (TableReplicasCommandTest).
 */
class TableAutoscaleExamplesTest {
    private static final int WIDTH = 78;

    @ParameterizedTest
    @ValueSource(strings = {"autoscale", "replicas"})
    void footerLinesFitSeventyEightColumns(String command) {
        for (String line : footer(command)) {
            assertThat(line.length()).as("'%s' in the help of 'table %s'", line, command).isLessThanOrEqualTo(WIDTH);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"autoscale", "replicas"})
    void examplesWorkAsWrittenOnAFreshTable(String command) {
        String table = Engine.uniqueName("examples");
        assertThat(cli().aws("table", "create", table, "--pk", "id:S", "--rcu", "5", "--wcu", "5",
                "--gsi", "name=byEmail,pk=email:S", "--stream", "both").code()).isZero();
        List<List<String>> examples = examples(footer(command)).stream()
                .filter(example -> example.get(2).equals(command)).toList();
        assertThat(examples).isNotEmpty();
        for (List<String> example : examples) {
            List<String> args = new ArrayList<>(example.subList(1, example.size()));
            args.set(2, table);
            Result r = cli().aws(args.toArray(String[]::new));
            assertThat(r.code()).as("%s%n%s", String.join(" ", example), r).isZero();
        }
    }

    private static String[] footer(String command) {
        CommandLine table = new Dynctl().commandLine().getSubcommands().get("table");
        return table.getSubcommands().get(command).getCommandSpec().usageMessage().footer();
    }

    /** The example command lines, comments dropped, split into words. */
    private static List<List<String>> examples(String[] footer) {
        List<List<String>> examples = new ArrayList<>();
        for (String line : footer) {
            if (line.startsWith("  dynctl ")) {
                examples.add(ShellWords.split(line.replaceFirst("\\s+#\\s.*$", "").trim()));
            }
        }
        return examples;
    }
}
