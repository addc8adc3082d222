package dev.dynctl.cli.init;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.LabelConverter;
import dev.dynctl.cli.WritesFiles;
import dev.dynctl.codec.Json;
import dev.dynctl.init.ApiTemplate;
import dev.dynctl.init.HandlerRuntime;
import dev.dynctl.init.ProjectScaffold;
import dev.dynctl.output.Format;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Start a service: write dynctl.yaml with one table (keys and a schema), a CRUD function "
                + "that may read and write it, and an API routing GET/POST /items and GET/PUT/DELETE /items/{id} "
                + "to the function (a WebSocket API: $connect, $disconnect, $default and one action each), "
                + "plus the function's code in the runtime chosen.",
            "",
            "Nothing is deployed: `dynctl deploy plan --stage dev` shows what a deploy would make. "
                    + "Existing files are not overwritten unless --force (exit 2, naming them)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl init                            # http-api, python3.12, here",
            "  dynctl init notes --runtime nodejs20.x # into ./notes, service 'notes'",
            "  dynctl init --template rest-api --runtime java17 --service orders",
            "  dynctl init chat --template websocket",
            "  dynctl init --force                    # write over the files it makes"})
public final class InitCommand extends DynctlCommand implements WritesFiles {
    @Option(names = "--template", paramLabel = "TEMPLATE", defaultValue = "http-api",
            converter = TemplateLabels.class, completionCandidates = TemplateLabels.class,
            description = "The API: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ApiTemplate template;

    @Option(names = "--runtime", paramLabel = "RUNTIME", defaultValue = "python3.12",
            converter = RuntimeLabels.class, completionCandidates = RuntimeLabels.class,
            description = "The function's runtime: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    HandlerRuntime runtime;

    @Option(names = "--service", paramLabel = "NAME",
            description = "The service's name (default: the directory's name, made lower-case with '-').")
    String service;

    @Option(names = "--force", description = "Overwrite files that exist.")
    boolean force;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "The project's directory, made when missing (default: the current one).")
    Path directory;

    @Override
    public boolean writesFiles() {
        return true;
    }

    @Override
    protected void run(Context context) {
        ProjectScaffold scaffold = new ProjectScaffold(directory, service, template, runtime);
        List<String> files = scaffold.write(force).stream().map(f -> directory.resolve(f).normalize().toString()).toList();
        List<String> next = nextCommands();
        if (context.output().format() != Format.TABLE || context.options().query() != null) {
            ObjectNode written = Json.MAPPER.createObjectNode();
            written.put("service", scaffold.service());
            written.put("template", template.toString());
            written.put("runtime", runtime.label());
            files.forEach(written.putArray("files")::add);
            next.forEach(written.putArray("next")::add);
            context.output().document(written);
            return;
        }
        PrintWriter out = context.out();
        files.forEach(file -> out.println("Wrote " + file));
        out.println();
        out.println("Service '" + scaffold.service() + "': a table, a " + runtime.label() + " function and " + apiPhrase() + ". Next:");
        next.forEach(command -> out.println("  " + command));
        out.flush();
    }

    /** What to run next, from where init was run. */
    private List<String> nextCommands() {
        List<String> next = new ArrayList<>();
        Path normal = directory.normalize();
        if (!normal.toString().isEmpty() && !normal.equals(Path.of("."))) {
            next.add("cd " + shellWord(directory.toString()));
        }
        next.add("dynctl dev                          # run it here: tables, function, API on localhost:3000");
        next.add("dynctl function invoke items --local --logs   # or one invocation of the function, here");
        next.add("dynctl deploy plan --stage dev      # what a deploy would make (reads only)");
        next.add("dynctl deploy --stage dev           # make it, and print the API's URL");
        next.add("dynctl local start                  # or try it on the local engine:");
        next.add("dynctl --local deploy --stage dev");
        return next;
    }

    /** A path as a shell takes it: quoted when it has spaces or other special characters. */
    private static String shellWord(String text) {
        return text.matches("[A-Za-z0-9._/+@%=:,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    private String apiPhrase() {
        return switch (template) {
            case HTTP_API -> "an HTTP API";
            case REST_API -> "a REST API";
            case WEBSOCKET -> "a WebSocket API";
        };
    }

    /** --template as users spell it: http-api. */
    static final class TemplateLabels extends LabelConverter<ApiTemplate> {
        TemplateLabels() {
            super(ApiTemplate.class);
        }
    }

    /** --runtime as Lambda spells it: nodejs20.x. */
    static final class RuntimeLabels extends LabelConverter<HandlerRuntime> {
        RuntimeLabels() {
            super(HandlerRuntime.class);
        }
    }
}
