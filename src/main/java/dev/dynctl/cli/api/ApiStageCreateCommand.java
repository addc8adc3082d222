package dev.dynctl.cli.api;

import dev.dynctl.api.ApiRef;
import dev.dynctl.api.ApiStage;
import dev.dynctl.api.ApiStages;
import dev.dynctl.api.StageRules;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a stage. A REST stage serves a deployment: --deployment, or by default the API's newest; "
                + "an HTTP or WebSocket stage may start empty until 'api deploy'. An existing stage is refused (exit 2).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl api stage create shop beta --var table=orders-beta --var log=debug",
            "  dynctl api stage create shop canary --deployment abc123"})
public final class ApiStageCreateCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "API", description = "The API, by name or id.")
    String api;

    @Parameters(index = "1", paramLabel = "STAGE", description = "The new stage's name.")
    String stage;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the stage is for.")
    String description;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A stage variable (repeatable).")
    Map<String, String> variables = new LinkedHashMap<>();

    @Option(names = "--deployment", paramLabel = "ID", description = "The deployment the stage serves (REST default: the newest).")
    String deployment;

    @Override
    protected void run(Context context) {
        StageRules.stageName(stage);
        StageRules.variables(variables);
        ApiRef ref = ApiCommand.locator(context).find(api);
        ApiStages stages = ApiCommand.stages(context);
        ApiStage created = stages.create(ref, stage, description, variables, deployment);
        context.err().println("Created stage '" + stage + "' of API '" + ref.name() + "'.");
        context.output().document(created.document(ref.type(), stages.base(ref)));
    }
}
