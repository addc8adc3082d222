package dev.dynctl.cli.api;

import dev.dynctl.api.ApiRef;
import dev.dynctl.api.DeployResult;
import dev.dynctl.api.StageRules;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Deploy an API's current routes to a stage, creating the stage if it is missing.",
            "",
            "A deployment is a snapshot: callers of the stage's URL see the routes as they were when it "
                    + "was deployed. Stages live side by side (prod, beta), each on its own deployment with its "
                    + "own variables. An HTTP API's auto-deploy stage (like the console's $default) already "
                    + "serves every change, so deploying to it only says so."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl api deploy shop --stage prod",
            "  dynctl api deploy shop --stage beta --description 'new search'",
            "  dynctl api deploy shop --stage prod -o json --query url"})
public final class ApiDeployCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "API", description = "The API, by name or id.")
    String api;

    @Option(names = "--stage", required = true, paramLabel = "STAGE", description = "The stage to deploy to.")
    String stage;

    @Option(names = "--description", paramLabel = "TEXT", description = "What this deployment changes.")
    String description;

    @Override
    protected void run(Context context) {
        StageRules.stageName(stage);
        ApiRef ref = ApiCommand.locator(context).find(api);
        DeployResult result = ApiCommand.stages(context).deploy(ref, stage, description);
        if (result.automatic()) {
            context.err().println("Stage '" + stage + "' of API '" + ref.name() + "' deploys automatically on every change; "
                    + "nothing to deploy.");
        } else {
            context.err().println("Deployed API '" + ref.name() + "' to stage '" + stage + "'"
                    + (result.stageCreated() ? " (new stage)" : "") + ": " + result.url());
        }
        context.output().document(result.document());
    }
}
