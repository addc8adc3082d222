package dev.dynctl.cli.table;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import picocli.CommandLine.Command;

@Command(name = "describe", mixinStandardHelpOptions = true, description = "Describe a table.")
public final class TableDescribeCommand extends DynctlCommand {
    @Override
    protected void run(Context context) {
        throw new UnsupportedOperationException("describe: being built");
    }
}
