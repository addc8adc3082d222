package dev.dynctl.cli.local;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.local.LocalEngine;
import picocli.CommandLine.Command;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Stop the local engine; it saves its data first (unless started --in-memory).",
            "Does nothing (and succeeds) when it is not running."},
        footerHeading = "%nExamples:%n",
        footer = {"  dynctl local stop"})
public final class LocalStopCommand extends DynctlCommand {
    @Override
    protected void run(Context context) {
        LocalReports.print(context, LocalEngine.fromEnvironment(context.env()).stop());
    }
}
