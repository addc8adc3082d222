package dev.dynctl.table;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.cli.Dynctl;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The examples in the table commands' help are what new users copy: each footer must fit a
 * 78-column terminal, and its examples must work as written, top to bottom, on fresh tables.
 * Export, import and copy are only measured: their examples need files, other profiles or the
 * local engine; their own tests run the same commands.
 */
class TableHelpExamplesTest {
    private static final int WIDTH = 78;

    @ParameterizedTest
    @ValueSource(strings = {"", "list", "describe", "create", "update", "delete", "wait", "export", "import", "copy", "truncate"})
    void footerLinesFitSeventyEightColumns(String command) {
        for (String line : footer(command)) {
            assertThat(line.length()).as("'%s' in the help of 'table %s'", line, command).isLessThanOrEqualTo(WIDTH);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "list", "describe", "create", "update", "delete", "wait", "truncate"})
    void examplesWorkAsWrittenOnFreshTables(String command) {
        List<List<String>> examples = TableTestSupport.examples(footer(command));
        assertThat(examples).as("examples of 'table %s'", command).isNotEmpty();
        Map<String, String> tables = new HashMap<>();
        for (List<String> example : examples) {
            List<String> args = new ArrayList<>(example.subList(1, example.size()));
            String table = tableName(args);
            if (table != null) {
                String fresh = tables.computeIfAbsent(table, name -> args.get(1).equals("create")
                        ? Engine.uniqueName(name) : TableTestSupport.rawTable(name));
                args.set(2, fresh);
            }
            // a delete without --yes asks to type the table's name: type it
            Result r = cli().stdin(table == null ? "" : args.get(2) + "\n").aws(args.toArray(String[]::new));
            assertThat(r.code()).as("%s%n%s", String.join(" ", example), r).isZero();
        }
    }

    private static String[] footer(String command) {
        CommandLine table = new Dynctl().commandLine().getSubcommands().get("table");
        CommandLine target = command.isEmpty() ? table : table.getSubcommands().get(command);
        return target.getCommandSpec().usageMessage().footer();
    }

    /** The NAME of 'table SUBCOMMAND NAME ...', or null for 'table list'. */
    private static String tableName(List<String> args) {
        assertThat(args.get(0)).isEqualTo("table");
        return args.size() > 2 && !args.get(2).startsWith("-") ? args.get(2) : null;
    }
}
