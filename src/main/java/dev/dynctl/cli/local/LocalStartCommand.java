package dev.dynctl.cli.local;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.error.DynctlException;
import dev.dynctl.local.EngineReport;
import dev.dynctl.local.LocalEngine;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Start the local engine in the background; it keeps running after dynctl exits.",
            "Does nothing (and succeeds) when it is already running."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl local start",
            "  dynctl local start --port 8001",
            "  dynctl local start --in-memory      # throwaway data, gone on stop",
            "  dynctl local start --data ./ddb-data"})
public final class LocalStartCommand extends DynctlCommand {
    @Option(names = "--port", paramLabel = "PORT",
            description = "Port on 127.0.0.1 (default: DYNCTL_LOCAL_PORT or " + LocalEngine.DEFAULT_PORT + ").")
    Integer port;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder that keeps tables between runs (default: data/ in the engine folder).")
    Path data;

    @Option(names = "--in-memory", description = "Keep no data: it is gone when the engine stops.")
    boolean inMemory;

    @Override
    protected void run(Context context) {
        if (inMemory && data != null) {
            throw DynctlException.usage("--in-memory keeps no data, so --data has nothing to do; pass one of them.");
        }
        EngineReport report = LocalEngine.fromEnvironment(context.env()).start(port, data, inMemory);
        LocalReports.print(context, report);
    }
}
