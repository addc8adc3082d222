package dev.dynctl.cli.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.functions.FunctionPayload;
import dev.dynctl.functions.FunctionService;
import dev.dynctl.output.Format;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "invoke", mixinStandardHelpOptions = true,
        description = {"Invoke a function and wait for its answer, which is printed: JSON in the output format "
                + "(-o). An answer that is not JSON is printed as it came in a table or text, and as a JSON string "
                + "with -o json, yaml … or --query, so a script always reads JSON. An empty answer is said on stderr.",
            "",
            "When the function fails (Lambda's FunctionError), its error payload is printed and dynctl exits "
                    + "with 1. --logs prints the last 4 KB of the invocation's log on stderr."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl function invoke get-item --payload '{\"id\": \"42\"}'",
            "  dynctl function invoke get-item --payload @event.json --logs",
            "  echo '{\"id\": \"42\"}' | dynctl function invoke get-item --payload -",
            "  dynctl function invoke get-item --qualifier live -o yaml"})
public final class FunctionInvokeCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "FUNCTION", description = "The function's name or ARN.")
    String function;

    @Option(names = "--payload", paramLabel = "JSON",
            description = "The event: JSON text, @FILE, or - for stdin (none is sent by default).")
    String payload;

    @Option(names = "--logs", description = "Print the decoded log tail of the invocation on stderr.")
    boolean logs;

    @Option(names = "--qualifier", paramLabel = "VERSION|ALIAS", description = "Invoke this version or alias instead of $LATEST.")
    String qualifier;

    @Override
    protected void run(Context context) {
        byte[] event = payload == null ? null : FunctionPayload.read(payload, context::in);
        FunctionService.Invocation result = new FunctionService(context.clients()).invoke(function, event, qualifier, logs);
        if (logs) {
            if (result.logTail() == null) {
                context.err().println("(no log tail came back with the answer)");
            } else {
                context.err().print(result.logTail().endsWith("\n") ? result.logTail() : result.logTail() + "\n");
            }
        }
        print(context, result.payload());
        if (result.failed()) {
            throw new DynctlException(ExitCode.FAILURE, "Function '" + function + "' failed (" + result.functionError() + "); its error is printed above.",
                    logs ? null : "Run it again with --logs to see its log tail.");
        }
    }

    /**
     * A JSON answer in the output format. Anything else (plain text) as it came for a person's
     * table or text, and as a JSON string for formats scripts read (and for --query), so that
     * what comes down a pipe to jq is always JSON.
     */
    private static void print(Context context, byte[] answer) {
        if (answer.length == 0) {
            context.err().println("(no answer body)");
            return;
        }
        JsonNode json = FunctionPayload.asJson(answer);
        Format format = context.output().format();
        boolean forAPerson = (format == Format.TABLE || format == Format.TEXT) && context.options().query() == null;
        if (json != null && json.isContainerNode() && json.isEmpty() && forAPerson) {
            // a table of nothing is no output at all; {} or [] says what came back
            context.out().println(json.toString());
            context.out().flush();
            return;
        }
        if (json != null) {
            context.output().document(json);
            return;
        }
        String text = new String(answer, StandardCharsets.UTF_8);
        if (forAPerson) {
            context.out().print(text.endsWith("\n") ? text : text + "\n");
            context.out().flush();
        } else {
            context.output().document(TextNode.valueOf(text));
        }
    }
}
