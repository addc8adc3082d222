package dev.dynctl.cli.deploy;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.deploy.DeployPlan;
import dev.dynctl.deploy.StageDeployment;
import dev.dynctl.output.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show what a deploy of the stage would change, and change nothing in AWS (reads only; "
                    + "the functions' build: commands run, as the code's SHA-256 needs the package).",
            "",
            "One row per resource: its action (+ create, ~ update, - delete, blank: unchanged), kind, name and, "
                    + "for an update, the fields that change (an environment variable by its name only); "
                    + "then 'Plan: N to create, N to update, N to delete, N unchanged.' on stderr (so with -o csv and -o text). With -o json: "
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
        if (StageApply.forPeople(context) || rowFormat(context)) {
            StageApply.showPlan(context, plan.changes());
        } else {
            context.output().document(PlanView.document(deployment.context().stage().service(), stageName, plan.changes()));
        }
    }

    /** csv and text are rows by nature: the plan's rows, not one document squeezed into a cell. */
    private static boolean rowFormat(Context context) {
        Format format = context.output().format();
        return (format == Format.CSV || format == Format.TEXT) && context.options().query() == null;
    }
}
