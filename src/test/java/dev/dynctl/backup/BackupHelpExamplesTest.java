package dev.dynctl.backup;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.cli.Dynctl;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.ShellWords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The backup commands' examples work as written, on a fresh table called 'orders' with a backup
 * called 'before-migration'. Examples that name a real ARN or a moment before the fresh table
 * existed (restore to a time, describe by ARN) cannot run here; BackupCommandsTest covers them.
 */
class BackupHelpExamplesTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"create", "list", "describe", "delete", "pitr"})
    void examplesWorkAsWrittenOnAFreshTable(String command) {
        String table = Engine.uniqueName("orders");
        Engine.dynamo().createTable(b -> b.tableName(table)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        String backup = Engine.uniqueName("before-migration");
        if (!command.equals("create")) {
            assertThat(cli().aws("backup", "create", table, "--name", backup).code()).isZero();
        }
        Map<String, String> fresh = Map.of("orders", table, "before-migration", backup, "nightly", Engine.uniqueName("nightly"),
                "orders.ddb.jsonl.gz", folder.resolve("orders.ddb.jsonl.gz").toString());
        List<List<String>> examples = examples(footer(command));
        assertThat(examples).as("examples of 'backup %s'", command).isNotEmpty();
        for (List<String> example : examples) {
            List<String> args = new ArrayList<>(example.subList(1, example.size()).stream()
                    .map(word -> fresh.getOrDefault(word, word)).toList());
            // a delete without --yes asks to type the backup's name: type it
            Result r = cli().stdin(backup + "\n").aws(args.toArray(String[]::new));
            assertThat(r.code()).as("%s%n%s", String.join(" ", example), r).isZero();
        }
    }

    private static String[] footer(String command) {
        CommandLine backup = new Dynctl().commandLine().getSubcommands().get("backup");
        return backup.getSubcommands().get(command).getCommandSpec().usageMessage().footer();
    }

    /** The example command lines without comments, split as a shell would; ARN examples left out. */
    private static List<List<String>> examples(String[] footer) {
        List<List<String>> examples = new ArrayList<>();
        for (String line : footer) {
            if (line.startsWith("  dynctl ") && !line.contains("arn:") && !line.endsWith("\\")) {
                examples.add(ShellWords.split(line.replaceFirst("\\s+#\\s.*$", "").trim()));
            }
        }
        return examples;
    }
}
