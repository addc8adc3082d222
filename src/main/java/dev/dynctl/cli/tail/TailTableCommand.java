package dev.dynctl.cli.tail;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

// placeholder: the streams helper replaces this class
@Command(name = "table", mixinStandardHelpOptions = true, description = "Print a table's changes from its stream.")
public final class TailTableCommand extends DynctlCommand {
    @Mixin
    TailEnding ending;

    @Override
    protected void run(Context context) {
        throw new UnsupportedOperationException("placeholder");
    }
}
