package dev.dynctl.cli.local;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.local.LocalEngine;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Say whether the local engine runs: its pid, port, endpoint and data folder.",
            "A pid file left by an engine that no longer runs is removed.",
            "Notes when DYNCTL_LOCAL_PORT asks for another port than the engine's."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl local status",
            "  dynctl local status -o json --query endpoint"})
public final class LocalStatusCommand extends DynctlCommand {
    @Override
    protected void run(Context context) {
        LocalReports.print(context, LocalEngine.fromEnvironment(context.env()).status());
    }
}
