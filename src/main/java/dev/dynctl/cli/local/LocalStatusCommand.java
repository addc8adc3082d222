package dev.dynctl.cli.local;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true, description = "Status of the local engine.")
public final class LocalStatusCommand extends DynctlCommand {
    @Override
    protected void run(Context context) {
        throw new UnsupportedOperationException("status: being built");
    }
}
