package dev.dynctl.cli.deploy;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.model.NameRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "deploy", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "[COMMAND]",
        commandListHeading = "%nCommands:%n",
        description = {"Deploy the service of dynctl.yaml to a stage: its IAM roles, tables, functions and APIs, "
                + "made, changed or deleted so that the stage is what the file says. Without a command it applies "
                + "(as deploy apply): shows the plan, makes the changes in dependency order with progress on "
                + "stderr, then prints where each API answers.",
            "",
            "What the stage owns is found by its tags (dynctl:service, dynctl:stage): no state file, and a "
                    + "resource without them is never touched. A deploy that stops halfway is finished by "
                    + "running it again. See docs/deploy.md."},
        subcommands = {DeployApplyCommand.class, DeployPlanCommand.class, DeployDestroyCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl deploy plan --stage dev       # what would change; reads only",
            "  dynctl deploy --stage dev            # make it so; prints the URLs",
            "  dynctl deploy --stage prod --yes -o json",
            "  dynctl deploy --stage pr-42 --project app/dynctl.yaml",
            "  dynctl deploy destroy --stage pr-42 --yes"})
public final class DeployCommand extends DynctlCommand {
    // not required=true: picocli would then ask for it before 'deploy plan --stage dev' reached plan
    @Option(names = StageOption.NAME, paramLabel = "STAGE",
            description = StageOption.DESCRIPTION + " Required without a command; a command takes it from here too.")
    String stage;

    @Override
    protected void run(Context context) throws InterruptedException {
        if (stage == null) {
            throw StageOption.missing(spec);
        }
        StageApply.run(context, NameRules.checkStage(stage));
    }
}
