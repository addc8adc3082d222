package dev.dynctl.cli.tail;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

// placeholder: the logs helper replaces this class
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Print a function's or log group's log events.")
public final class TailLogsCommand extends DynctlCommand {
    @Mixin
    TailEnding ending;

    @Override
    protected void run(Context context) {
        throw new UnsupportedOperationException("placeholder");
    }
}
