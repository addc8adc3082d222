package dev.dynctl.cli.dev;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.aws.Clients;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.Interruption;
import dev.dynctl.codec.Json;
import dev.dynctl.deploy.DeployContext;
import dev.dynctl.dev.LocalEndpoint;
import dev.dynctl.dev.session.DevConsole;
import dev.dynctl.dev.session.DevSession;
import dev.dynctl.dev.session.LocalHostSettings;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.ProjectFile;
import dev.dynctl.model.StageFunction;
import dev.dynctl.output.Format;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dev", mixinStandardHelpOptions = true,
        description = {"Run the service of dynctl.yaml on this machine until Ctrl-C: its tables in the local engine "
                + "(made or updated, never deleted), its functions in a local Lambda host (node, python3, a JVM or the "
                + "function's bootstrap; no Docker) and its APIs on localhost.",
            "",
            "Prints where each API answers on stdout (one line each, or one JSON document with -o json) and, on "
                    + "stderr, each function's output after its name, a REPORT line per invocation and a line per request. "
                    + "A change to a function's code runs its build again and the next request goes to the new code. "
                    + "Ctrl-C stops the APIs and the functions (exit 130); the local engine keeps running.",
            "",
            "The engine is the local engine (started when it is not running), or the one --endpoint-url names; "
                    + "with --endpoint-url, dynctl signs with --region and the credentials of your AWS chain (any key "
                    + "does for moto or LocalStack)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl dev",
            "  dynctl dev --stage alice --port 8080",
            "  dynctl dev --no-watch --concurrency 1",
            "  dynctl dev --endpoint-url http://localhost:4566 --region us-east-1",
            "  dynctl dev -o json > urls.json &                  # for scripts"})
public final class DevCommand extends DynctlCommand {
    @Option(names = "--stage", paramLabel = "STAGE", defaultValue = "dev",
            description = "The stage whose names and overrides apply, as deploy --stage has them (default: ${DEFAULT-VALUE}).")
    String stage;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "3000",
            description = "The first API's port; each next API takes the next port (default: ${DEFAULT-VALUE}; 0: free ports).")
    int port;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "At most this many instances of one function run at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--no-watch", description = "Do not watch the functions' code: a change needs a restart.")
    boolean noWatch;

    @Override
    protected void run(Context context) throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw DynctlException.usage("--port " + port + " is not a port number (0-65535; 0 for free ports).");
        }
        if (concurrency < 1) {
            throw DynctlException.usage("--concurrency " + concurrency + " runs nothing: give 1 or more.");
        }
        Thread serving = Thread.currentThread();
        // Ctrl-C ends the wait below, or whatever start-up step is under way
        try (Interruption ctrlC = context.onInterrupt(serving::interrupt)) {
            ProjectFile project = DevTarget.project(context, stage);
            Clients clients = DevTarget.clients(context);
            DevConsole log = new DevConsole(context.err(), context.style().color() && context.stderrIsTerminal());
            DeployContext wanted = DevTarget.stage(context, clients, project, stage, log::note);
            log.expect(wanted.stage().functions().stream().map(StageFunction::logicalName).toList());
            try (DevSession session = DevSession.start(wanted, project.source().orElseThrow(), LocalHostSettings.of(clients, concurrency, DevTarget.cache(context)), port,
                    !noWatch, log)) {
                // kill (SIGTERM) or a closed terminal (SIGHUP) end the JVM without Ctrl-C: the functions' processes go with it
                Thread stop = new Thread(session::close, "dynctl-dev-stop");
                Runtime.getRuntime().addShutdownHook(stop);
                try {
                    print(context, wanted, session.endpoints());
                    log.note("Serving stage " + stage + " of service " + wanted.stage().service() + ". Ctrl-C stops it.");
                    // only Ctrl-C ends this
                    new CountDownLatch(1).await();
                } finally {
                    Runtime.getRuntime().removeShutdownHook(stop);
                }
            }
        } catch (InterruptedException e) {
            throw new DynctlException(ExitCode.INTERRUPTED, "Stopped: the APIs and functions of stage " + stage + " are down.");
        }
    }

    /** One line per API for a person; one document for scripts (-o json, yaml, …, --query). */
    private static void print(Context context, DeployContext wanted, List<LocalEndpoint> endpoints) {
        if (context.output().format() == Format.TABLE && context.options().query() == null) {
            int type = endpoints.stream().mapToInt(e -> e.type().label().length()).max().orElse(0);
            int api = endpoints.stream().mapToInt(e -> e.api().length()).max().orElse(0);
            for (LocalEndpoint endpoint : endpoints) {
                context.out().printf("%-" + type + "s  %-" + api + "s  %s%n", endpoint.type().label(), endpoint.api(), endpoint.url());
            }
            context.out().flush();
            return;
        }
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("service", wanted.stage().service());
        document.put("stage", wanted.stage().stage());
        ArrayNode apis = document.putArray("endpoints");
        endpoints.forEach(endpoint -> apis.addObject().put("api", endpoint.api()).put("type", endpoint.type().label())
                .put("url", endpoint.url().toString()));
        context.output().document(document);
        context.out().flush();
    }
}
