package dev.dynctl.cli.api;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List an API's stages: name, deployment, variables, description, times and invoke URL.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl api stage list shop",
            "  dynctl api stage list shop -o json --query '[].[name,url]'"})
public final class ApiStageListCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "API", description = "The API, by name or id.")
    String api;

    @Override
    protected void run(Context context) {
        context.output().rows(ApiCommand.stages(context).list(ApiCommand.locator(context).find(api)), List.of("name", "deployment"));
    }
}
