package dev.dynctl.cli.api;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Show an API: id, name, type, endpoint type, invoke URL, the route selection expression "
                + "(WebSocket), its stages with their deployment, invoke URL and variables, creation time and tags.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl api describe shop",
            "  dynctl api describe a1b2c3d4e5 -o yaml",
            "  dynctl api describe shop --query \"stages[?name=='prod'].url\" -o text"})
public final class ApiDescribeCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "API", description = "The API, by name or id.")
    String api;

    @Override
    protected void run(Context context) {
        context.output().document(ApiCommand.catalog(context).describe(ApiCommand.locator(context).find(api)));
    }
}
