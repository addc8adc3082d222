package dev.dynctl.cli;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Standard input and output are terminals or not on their own: what is printed follows stdout,
 * what is read (items, answers) follows stdin.
 */
class TerminalTest {
    private static String table;

    @BeforeAll
    static void createTable() {
        table = Engine.uniqueName("terminal");
        Engine.dynamo().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        Engine.dynamo().putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS("a"))));
    }

    @Test
    void theLauncherSaysWhichStreamsAreTerminals() {
        try {
            System.setProperty("dynctl.tty.in", "true");
            System.setProperty("dynctl.tty.out", "false");
            Context.Terminal piped = Context.Terminal.system();
            assertThat(piped.stdinIsTerminal()).isTrue();
            assertThat(piped.stdoutIsTerminal()).isFalse();

            System.setProperty("dynctl.tty.in", "false");
            System.setProperty("dynctl.tty.out", "true");
            Context.Terminal fed = Context.Terminal.system();
            assertThat(fed.stdinIsTerminal()).isFalse();
            assertThat(fed.stdoutIsTerminal()).isTrue();
        } finally {
            System.clearProperty("dynctl.tty.in");
            System.clearProperty("dynctl.tty.out");
        }
        Context.Terminal plain = Context.Terminal.system();
        assertThat(plain.stdinIsTerminal()).isEqualTo(System.console() != null);
        assertThat(plain.stdoutIsTerminal()).isEqualTo(System.console() != null);
    }

    @Test
    void theFormatFollowsStdout() {
        Result toTerminal = cli().stdinTerminal(false).stdoutTerminal(true).aws("item", "get", table, "--key", "id=a", "--no-color");
        assertThat(toTerminal.code()).as(toTerminal.toString()).isZero();
        assertThat(toTerminal.out()).isEqualTo("id  a\n");

        Result toPipe = cli().stdinTerminal(true).stdoutTerminal(false).aws("item", "get", table, "--key", "id=a");
        assertThat(toPipe.code()).as(toPipe.toString()).isZero();
        assertThat(toPipe.out()).isEqualTo("{\n  \"id\": \"a\"\n}\n");
    }

    @Test
    void itemsAreReadFromStdinOnlyWhenItIsNotATerminal() {
        Result typed = cli().stdinTerminal(true).stdoutTerminal(false).aws("item", "put", table);
        assertThat(typed.code()).as(typed.toString()).isEqualTo(2);
        assertThat(typed.err()).contains("No item given.");

        Result piped = cli().stdinTerminal(false).stdoutTerminal(true).stdin("{\"id\": \"p\"}").aws("item", "put", table);
        assertThat(piped.code()).as(piped.toString()).isZero();
        assertThat(Engine.dynamo().getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS("p")))).hasItem()).isTrue();
    }

    @Test
    void endingTheInputAtThePromptEndsThePromptLineFirst() {
        Result r = cli().stdinTerminal(true).aws("table", "delete", table);

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("to confirm: \nError: No confirmation was given");
    }

    @Test
    void anAnswerFromAPipeIsNotEchoedSoTheErrorStartsItsOwnLine() {
        Result r = cli().stdin("no\n").aws("table", "delete", table);

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("to confirm: \nError: Not confirmed: expected '" + table + "', got 'no'.");
    }

    @Test
    void noInputRefusesWithAStatement() {
        Result r = cli().aws("table", "delete", table, "--no-input");

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("Error: Not confirmed: --no-input is set and deleting table '" + table
                + "' needs confirmation.\nHint: Pass --yes to confirm in scripts.\n");
    }
}
