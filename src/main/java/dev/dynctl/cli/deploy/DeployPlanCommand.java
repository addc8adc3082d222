package dev.dynctl.cli.deploy;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.deploy.DeployPlan;
import dev.dynctl.deploy.StageDeployment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show what a deploy of the stage would change, and change nothing (reads only).",
            "",
            "One row per resource: its action (+ create, ~ update, - delete, blank: unchanged), kind, name and, "
                    + "for an update, the fields that change (an environment variable by its name only); "
                    + "then 'Plan: N to create, N to update, N to delete, N unchanged.' on stderr. With -o json: "
                    + "{\"service\", \"stage\", \"changes\": [{\"action\", \"kind\", \"name\", \"fields\": "
                    + "[{\"field\", \"from\", \"to\"}]}], \"summary\": {\"create\", \"update\", \"delete\", "
                    + "\"unchanged\"}}."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl deploy plan --stage dev",
            "  dynctl deploy plan --stage prod -o json > plan.json",
            "  dynctl deploy plan --stage dev -o json --query summary",
            "  dynctl deploy plan --stage dev -o json \\",
            "      --query \"changes[?action!='none'].name\""})
public final class DeployPlanCommand extends DynctlCommand {
    @Mixin
    StageOption stage;

    @Override
    protected void run(Context context) throws InterruptedException {
        String stageName = stage.stage();
        StageDeployment deployment = StageDeployment.wanted(context.clients(), StageProject.load(context), stageName, context.env(),
                StageApply.notes(context));
        DeployPlan plan = deployment.plan();
        if (StageApply.forPeople(context)) {
            StageApply.showPlan(context, plan.changes());
        } else {
            context.output().document(PlanView.document(deployment.context().stage().service(), stageName, plan.changes()));
        }
    }
}
