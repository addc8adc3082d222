package dev.dynctl.cli.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dynctl.aws.Clients;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.dev.DevTarget;
import dev.dynctl.deploy.DeployContext;
import dev.dynctl.dev.DevLog;
import dev.dynctl.dev.LocalInvocation;
import dev.dynctl.dev.session.LocalHostSettings;
import dev.dynctl.dev.session.LocalRun;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.functions.FunctionPayload;
import dev.dynctl.functions.FunctionService;
import dev.dynctl.model.ProjectFile;
import dev.dynctl.output.Format;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "invoke", mixinStandardHelpOptions = true,
        description = {"Invoke a function and wait for its answer, which is printed: JSON in the output format "
                + "(-o). An answer that is not JSON is printed as it came in a table or text, and as a JSON string "
                + "with -o json, yaml … or --query, so a script always reads JSON. An empty answer is said on stderr.",
            "",
            "When the function fails (Lambda's FunctionError), its error payload is printed and dynctl exits "
                    + "with 1. --logs prints the last 4 KB of the invocation's log on stderr.",
            "",
            "--local does one of two things, and says on stderr which. Where there is a dynctl.yaml (or --project "
                    + "FILE), the project's function runs on this machine, as dynctl dev runs it: its build runs, the "
                    + "stage's tables are made in the local engine (or the one --endpoint-url names) when they are not "
                    + "there, and one instance answers; --logs prints its output on stderr. Without a project file, or "
                    + "with --deployed, the function deployed to the local engine is invoked, as without --local."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl function invoke get-item --payload '{\"id\": \"42\"}'",
            "  dynctl function invoke get-item --payload @event.json --logs",
            "  echo '{\"id\": \"42\"}' | dynctl function invoke get-item --payload -",
            "  dynctl function invoke get-item --qualifier live -o yaml",
            "  dynctl function invoke items --local --payload @event.json --logs",
            "  dynctl function invoke get-item --local --deployed"})
public final class FunctionInvokeCommand extends DynctlCommand {
    private static final String DEFAULT_STAGE = "dev";
    /** What Lambda hands a handler invoked without a payload. */
    private static final byte[] EMPTY_EVENT = "{}".getBytes(StandardCharsets.UTF_8);

    @Parameters(index = "0", paramLabel = "FUNCTION",
            description = "The function's name or ARN; with --local its key in dynctl.yaml or its name in the stage.")
    String function;

    @Option(names = "--payload", paramLabel = "JSON",
            description = "The event: JSON text, @FILE, or - for stdin (none is sent by default).")
    String payload;

    @Option(names = "--logs", description = "Print the invocation's log on stderr: its decoded tail, or with --local the function's output.")
    boolean logs;

    @Option(names = "--qualifier", paramLabel = "VERSION|ALIAS", description = "Invoke this version or alias instead of $LATEST.")
    String qualifier;

    @Option(names = "--deployed",
            description = "With --local where dynctl.yaml is: invoke the function deployed to the local engine, not the project's code.")
    boolean deployed;

    @Option(names = "--stage", paramLabel = "STAGE",
            description = "With --local: the stage of dynctl.yaml whose names and settings apply (default: " + DEFAULT_STAGE + ").")
    String stage;

    @Override
    protected void run(Context context) throws InterruptedException {
        boolean local = context.options().local();
        if (deployed && !local) {
            throw DynctlException.usage("--deployed goes with --local: it invokes the function deployed to the local engine.",
                    "Add --local, or leave --deployed out to invoke the function in AWS.");
        }
        if (deployed && stage != null) {
            throw DynctlException.usage("--stage picks a stage of " + ProjectFile.FILE_NAME + " to run here; --deployed invokes the "
                    + "deployed function by its name.", "Leave --stage out and name the function as deployed: "
                    + deployedName(context, "--local --deployed") + ".");
        }
        // --local in a project runs its function here; without dynctl.yaml (or with --deployed) it invokes one deployed to the local engine
        ProjectFile project = local && !deployed ? DevTarget.project(context) : ProjectFile.empty();
        boolean here = project.source().isPresent();
        if (here) {
            if (qualifier != null) {
                throw DynctlException.usage("--qualifier names a version or alias in Lambda; --local runs the code of "
                        + project.source().get() + ".", "Pass one of them.");
            }
            project.stageNames(stage == null ? DEFAULT_STAGE : stage);
        }
        if (!here && stage != null) {
            throw context.options().local()
                    ? DynctlException.usage("--stage picks a stage of " + ProjectFile.FILE_NAME + ", and there is none here.",
                            "Run it where " + ProjectFile.FILE_NAME + " is, or pass --project FILE.")
                    : DynctlException.usage("--stage goes with --local: it picks the stage of " + ProjectFile.FILE_NAME + " to run here.",
                            "Add --local to run it here, or invoke the deployed function by its name: " + deployedName(context, null) + ".");
        }
        byte[] event = payload == null ? null : FunctionPayload.read(payload, context::in);
        if (here) {
            invokeHere(context, project, event == null ? EMPTY_EVENT : event);
            return;
        }
        if (local) {
            say(context, "Invoking " + function + " deployed to the local engine"
                    + (deployed ? "." : " (no " + ProjectFile.FILE_NAME + " here to run it from)."));
        }
        // --local with --endpoint-url: the engine is the one the URL names, as for the project's functions
        Clients clients = local ? DevTarget.clients(context) : context.clients();
        FunctionService functions = new FunctionService(clients);
        if (local || clients.target().local()) {
            // the local engine (moto) answers an Invoke of any name, even one it does not have: ask first
            functions.configuration(function);
        }
        FunctionService.Invocation result = functions.invoke(function, event, qualifier, logs);
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
     * The command that invokes the function deployed in --stage: by its real name in the stage
     * (SERVICE-STAGE-KEY) when the project file names the function, else the name's shape.
     *
     * @param options what goes after the name ({@code --local --deployed}), or null
     */
    private String deployedName(Context context, String options) {
        String name = null;
        try {
            ProjectFile project = DevTarget.project(context);
            if (project.source().isPresent() && project.hasFunction(function)) {
                name = project.stageNames(stage).function(function);
            }
        } catch (DynctlException noNames) {
            // a broken file or a bad stage name: the hint gives the name's shape
        }
        if (name == null) {
            return "dynctl function invoke SERVICE-" + stage + "-" + function + (options == null ? "" : " " + options);
        }
        return "dynctl function invoke " + name + (options == null ? "" : " " + options);
    }

    /** One invocation on this machine through the local host, printed as Lambda's answer is. */
    private void invokeHere(Context context, ProjectFile project, byte[] event) throws InterruptedException {
        Clients clients = DevTarget.clients(context);
        PrintWriter err = context.err();
        Consumer<String> notes = line -> {
            err.println(line);
            err.flush();
        };
        String stageName = stage == null ? DEFAULT_STAGE : stage;
        notes.accept("Running " + function + " of " + project.source().get() + " (stage " + stageName + ") on the local function host.");
        DeployContext wanted = DevTarget.stage(context, clients, project, stageName, notes);
        LocalInvocation result = LocalRun.invoke(wanted, function, event, LocalHostSettings.of(clients, 1, DevTarget.cache(context)),
                new InvocationLog(notes, logs));
        print(context, result.payload());
        if (result.failed()) {
            throw new DynctlException(ExitCode.FAILURE, "Function '" + function + "' failed (" + result.errorType()
                    + "); its error is printed above.", logs ? null : "Run it again with --logs to see its output.");
        }
    }

    private static void say(Context context, String line) {
        context.err().println(line);
        context.err().flush();
    }

    /** What the host says while one local invocation runs: the function's lines only with --logs. */
    private record InvocationLog(Consumer<String> err, boolean logs) implements DevLog {
        @Override
        public void function(String function, String line) {
            if (logs) {
                err.accept(line);
            }
        }

        @Override
        public void request(String line) {
            err.accept(line);
        }

        @Override
        public void note(String line) {
            err.accept(line);
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
