package dev.dynctl.cli.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.api.ApiRef;
import dev.dynctl.api.ApiStages;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.codec.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a stage; its URL stops answering. Its deployments stay. Asks you to type the stage's "
                + "name unless --yes.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl api stage delete shop beta        # asks you to type 'beta'",
            "  dynctl api stage delete shop beta --yes"})
public final class ApiStageDeleteCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "API", description = "The API, by name or id.")
    String api;

    @Parameters(index = "1", paramLabel = "STAGE", description = "The stage.")
    String stage;

    @Override
    protected void run(Context context) {
        ApiRef ref = ApiCommand.locator(context).find(api);
        ApiStages stages = ApiCommand.stages(context);
        stages.stage(ref, stage);
        context.confirm("Delete stage '" + stage + "' of API '" + ref.name() + "' (" + ref.id() + ")? Its URL stops answering.",
                "deleting stage '" + stage + "'", stage);
        stages.delete(ref, stage);
        context.err().println("Deleted stage '" + stage + "' of API '" + ref.name() + "'.");
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("api", ref.id());
        doc.put("stage", stage);
        doc.put("status", "DELETED");
        context.output().document(doc);
    }
}
