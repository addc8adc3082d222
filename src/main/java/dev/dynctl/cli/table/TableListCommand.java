package dev.dynctl.cli.table;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the tables of the region (or endpoint), every page of them.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl table list",
            "  dynctl table list -l         # status, billing, size, keys",
            "  dynctl table list -o json --query '[].name'",
            "  dynctl table list -l -o csv"})
public final class TableListCommand extends DynctlCommand {
    @Option(names = {"-l", "--details"},
            description = "Also show status, billing, item count, size and keys (one DescribeTable per table).")
    boolean details;

    @Override
    protected void run(Context context) {
        context.output().rows(TableCommand.service(context).list(details), List.of("name"));
    }
}
