package dev.dynctl.cli.item;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import picocli.CommandLine.Command;

@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete an item.")
public final class ItemDeleteCommand extends DynctlCommand {
    @Override
    protected void run(Context context) {
        throw new UnsupportedOperationException("delete: being built");
    }
}
