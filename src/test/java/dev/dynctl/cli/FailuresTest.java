package dev.dynctl.cli;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Whatever goes wrong in a command leaves as one line, a hint and an exit code; the JVM's own errors too. */
class FailuresTest {
    @Test
    void aBadQueryFailsBeforeTheCommandChangesAnything() {
        String table = Engine.uniqueName("query-first");
        Engine.dynamo().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));

        Result r = cli().aws("item", "put", table, "{\"id\": \"q1\"}", "--return-values", "all-old", "--query", "[");

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error: Bad --query '['");
        assertThat(Engine.dynamo().getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS("q1")))).hasItem())
                .as("the item was not written").isFalse();
    }

    @Test
    void aQueryThatFailsOnTheResultIsAUsageError() {
        Result r = cli().aws("table", "list", "--query", "abs(`\"x\"`)");

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error: --query 'abs(`\"x\"`)' failed: ").contains("expected number")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void runningOutOfMemoryIsOneLineWithWhatToDo() {
        Result r = run(new Throws(new OutOfMemoryError("Java heap space")));

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(2);
        assertThat(r.err()).startsWith("Error: Out of memory: the Java heap (")
                .contains("Hint: ", "-o jsonl", "--segments", "DYNCTL_JAVA_OPTS=-Xmx2g").doesNotContain("\tat ");
    }

    @Test
    void otherErrorsAreOneLineAndTheStackOnlyWithDebug() {
        Result quiet = run(new Throws(new StackOverflowError()));
        assertThat(quiet.code()).isEqualTo(1);
        assertThat(quiet.err()).isEqualTo("Error: Internal error: StackOverflowError\n"
                + "Hint: Run again with --debug for the stack trace.\n");

        Result debug = run(new Throws(new StackOverflowError()), "--debug");
        assertThat(debug.code()).isEqualTo(1);
        assertThat(debug.err()).startsWith("Error: Internal error: StackOverflowError\n").contains("\tat ");
    }

    /** Runs "dynctl fail" with a command added to the real tree that throws {@code throwable}. */
    private static Result run(Throws command, String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context.Terminal terminal = new Context.Terminal(new ByteArrayInputStream(new byte[0]), false, false, 120, Map.of());
        try (Dynctl dynctl = new Dynctl().withTerminal(terminal)) {
            dynctl.commandLine().addSubcommand(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
            String[] args = new String[options.length + 1];
            args[0] = "fail";
            System.arraycopy(options, 0, args, 1, options.length);
            int code = dynctl.commandLine().execute(args);
            return new Result(code, out.toString(), err.toString());
        }
    }

    @Command(name = "fail")
    static final class Throws extends DynctlCommand {
        private final Error error;

        Throws(Error error) {
            this.error = error;
        }

        @Override
        protected void run(Context context) {
            throw error;
        }
    }
}
