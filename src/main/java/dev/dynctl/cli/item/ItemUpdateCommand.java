package dev.dynctl.cli.item;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import picocli.CommandLine.Command;

@Command(name = "update", mixinStandardHelpOptions = true, description = "Update an item.")
public final class ItemUpdateCommand extends DynctlCommand {
    @Override
    protected void run(Context context) {
        throw new UnsupportedOperationException("update: being built");
    }
}
