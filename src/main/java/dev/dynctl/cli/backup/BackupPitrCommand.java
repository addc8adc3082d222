package dev.dynctl.cli.backup;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.LabelConverter;
import dev.dynctl.dynamo.BackupDescriptions;
import dev.dynctl.dynamo.BackupService;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;

@Command(name = "pitr", mixinStandardHelpOptions = true,
        description = "Turn point-in-time recovery on or off, or show its status and the window a restore "
                + "can go back to (earliest and latest restorable time).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl backup pitr orders on",
            "  dynctl backup pitr orders status",
            "  dynctl backup pitr orders off"})
public final class BackupPitrCommand extends DynctlCommand {
    enum Action {
        ON, OFF, STATUS;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Parameters(index = "0", paramLabel = "TABLE", description = "The table.")
    String table;

    @Parameters(index = "1", paramLabel = "on|off|status", converter = ActionLabels.class, completionCandidates = ActionLabels.class,
            description = "on, off, or status.")
    Action action;

    @Override
    protected void run(Context context) {
        BackupService backups = BackupCommand.service(context);
        PointInTimeRecoveryDescription pitr = action == Action.STATUS
                ? backups.pointInTimeRecovery(table)
                : backups.pointInTimeRecovery(table, action == Action.ON);
        if (action != Action.STATUS) {
            context.err().println("Point-in-time recovery is " + pitr.pointInTimeRecoveryStatusAsString() + " for table '" + table + "'.");
        }
        context.output().document(BackupDescriptions.pointInTimeRecovery(table, pitr));
    }

    /** Reads the action as typed (on, off, status) and lists those words for completion. */
    static final class ActionLabels extends LabelConverter<Action> {
        ActionLabels() {
            super(Action.class);
        }
    }
}
