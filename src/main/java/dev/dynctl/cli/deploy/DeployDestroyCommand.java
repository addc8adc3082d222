package dev.dynctl.cli.deploy;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.WritesFiles;
import dev.dynctl.deploy.Change;
import dev.dynctl.deploy.DeployPlan;
import dev.dynctl.deploy.StageDeployment;
import dev.dynctl.deploy.Step;
import dev.dynctl.error.DynctlException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = {"Delete everything the stage owns (found by its tags): APIs first, roles last.",
            "",
            "Each table is first exported to .dynctl/backups/STAGE/TABLE-TIMESTAMP.jsonl.gz next to dynctl.yaml, "
                    + "with its manifest beside it (dynctl table import NEW --from FILE --create brings the table "
                    + "back); --backup-dir DIR puts the files into DIR instead, --skip-backup takes none. Asks you to "
                    + "type the stage's name unless --yes; --no-input without --yes refuses. Only the service's name "
                    + "is read from dynctl.yaml, so a stage is destroyed even after its entries were removed from the "
                    + "file, or while the rest of it has a mistake. Nothing owned: 'Nothing to destroy', exit 0."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl deploy destroy --stage pr-42          # asks you to type 'pr-42'",
            "  dynctl deploy destroy --stage pr-42 --yes --skip-backup",
            "  dynctl deploy destroy --stage dev --backup-dir /var/backups/notes"})
public final class DeployDestroyCommand extends DynctlCommand implements WritesFiles {
    @Mixin
    StageOption stage;

    @Option(names = "--skip-backup", description = "Delete the tables without exporting them first.")
    boolean skipBackup;

    @Option(names = "--backup-dir", paramLabel = "DIR",
            description = "Export the tables into DIR instead of the stage's folder under .dynctl/backups next to dynctl.yaml.")
    Path backupDir;

    @Override
    public boolean writesFiles() {
        return !skipBackup;
    }

    @Override
    protected void run(Context context) throws InterruptedException {
        if (skipBackup && backupDir != null) {
            throw DynctlException.usage("--skip-backup takes no backup, so --backup-dir has nothing to do; pass one of them.");
        }
        String stageName = stage.stage();
        StageDeployment deployment = StageDeployment.nothing(context.clients(), StageProject.service(context), stageName, backupDir,
                skipBackup, StageApply.notes(context));
        String service = deployment.context().stage().service();
        DeployPlan plan = deployment.plan();
        boolean forPeople = StageApply.forPeople(context);
        List<Change> going = plan.pending().stream().map(Step::change).toList();
        if (going.isEmpty()) {
            context.err().println("Nothing to destroy: stage '" + stageName + "' of service '" + service + "' owns nothing in "
                    + context.clients().where() + ".");
            if (!forPeople) {
                context.output().document(PlanView.document(service, stageName, going));
            }
            return;
        }
        if (forPeople) {
            StageApply.showPlan(context, going);
        }
        context.confirm(question(deployment, plan, going.size(), context.clients().where()), "destroying stage '" + stageName + "'",
                stageName);
        List<Change> made = deployment.apply(plan);
        context.err().println("Destroyed stage '" + stageName + "' of service '" + service + "': " + made.size()
                + (made.size() == 1 ? " resource" : " resources") + " deleted."
                + (StageApply.deletedTables(plan).isEmpty() || deployment.backupDirectory() == null ? ""
                        : " Table backups: " + deployment.backupDirectory() + "."));
        if (!forPeople) {
            context.output().document(PlanView.document(service, stageName, made));
        }
    }

    private static String question(StageDeployment deployment, DeployPlan plan, int count, String where) {
        List<String> tables = StageApply.deletedTables(plan);
        String what = count + (count == 1 ? " resource" : " resources");
        if (!tables.isEmpty()) {
            what += ", among them " + (tables.size() == 1 ? "table " : "tables ") + String.join(", ", tables) + " with "
                    + (tables.size() == 1 ? "its" : "their") + " items"
                    + (deployment.backupDirectory() == null ? " (no backup: --skip-backup)" : " (exported first to " + deployment.backupDirectory() + ")");
        }
        return "Destroy stage '" + deployment.context().stage().stage() + "' of service '" + deployment.context().stage().service()
                + "' in " + where + ": " + what + "?";
    }
}
