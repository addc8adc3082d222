package dev.dynctl.cli.local;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import picocli.CommandLine.Command;

@Command(name = "start", mixinStandardHelpOptions = true, description = "Start the local engine.")
public final class LocalStartCommand extends DynctlCommand {
    @Override
    protected void run(Context context) {
        throw new UnsupportedOperationException("start: being built");
    }
}
