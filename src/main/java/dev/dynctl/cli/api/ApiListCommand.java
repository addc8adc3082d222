package dev.dynctl.cli.api;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the region's APIs: REST APIs (API Gateway v1) and HTTP and WebSocket APIs (v2), "
                + "with id, name, type, endpoint type (edge, regional, private), creation time and description.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl api list",
            "  dynctl api list -o json --query \"[?type=='rest'].id\"",
            "  dynctl api list --region eu-west-1"})
public final class ApiListCommand extends DynctlCommand {
    @Override
    protected void run(Context context) {
        context.output().rows(ApiCommand.catalog(context).list(), List.of("id", "name", "type"));
    }
}
