package dev.dynctl.cli.api;

import dev.dynctl.api.ApiRef;
import dev.dynctl.api.ApiStages;
import dev.dynctl.api.StageRules;
import dev.dynctl.api.StageUpdate;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.error.DynctlException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Set or remove a stage's variables, or change its description. Callers see new variables at once, "
                + "without a deploy. Only what differs is sent; when nothing does, nothing is.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl api stage update shop prod --var table=orders-v2",
            "  dynctl api stage update shop prod --unset-var debug",
            "  dynctl api stage update shop beta --description 'next release'"})
public final class ApiStageUpdateCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "API", description = "The API, by name or id.")
    String api;

    @Parameters(index = "1", paramLabel = "STAGE", description = "The stage.")
    String stage;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "Set a stage variable (repeatable).")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--unset-var", paramLabel = "NAME", description = "Remove a stage variable (repeatable).")
    List<String> unset = new ArrayList<>();

    @Option(names = "--description", paramLabel = "TEXT", description = "The stage's new description.")
    String description;

    @Override
    protected void run(Context context) {
        if (set.isEmpty() && unset.isEmpty() && description == null) {
            throw DynctlException.usage("Nothing to change.", "Pass --var NAME=VALUE, --unset-var NAME or --description.");
        }
        StageRules.stageName(stage);
        StageRules.changes(set, unset);
        ApiRef ref = ApiCommand.locator(context).find(api);
        ApiStages stages = ApiCommand.stages(context);
        StageUpdate update = stages.update(ref, stage, description, set, unset);
        if (!update.absent().isEmpty()) {
            context.err().println("Stage '" + stage + "' has no variable" + (update.absent().size() == 1 ? " " : "s ")
                    + update.absent().stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ")) + " to remove.");
        }
        context.err().println(update.changed() ? "Updated stage '" + stage + "' of API '" + ref.name() + "'."
                : "Nothing changed: stage '" + stage + "' of API '" + ref.name() + "' already is as asked.");
        context.output().document(update.stage().document(ref.type(), stages.base(ref)));
    }
}
