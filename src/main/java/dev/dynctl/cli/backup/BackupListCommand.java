package dev.dynctl.cli.backup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.LabelConverter;
import dev.dynctl.cli.MomentConverter;
import dev.dynctl.dynamo.BackupDescriptions;
import dev.dynctl.dynamo.BackupService;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List backups, newest first: of one table, or of every table in the region (every page).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl backup list",
            "  dynctl backup list orders --since '7d ago'",
            "  dynctl backup list orders --since 2024-05-01 --type user",
            "  dynctl backup list -o json --query '[].arn'"})
public final class BackupListCommand extends DynctlCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "TABLE", description = "Only this table's backups.")
    String table;

    @Option(names = "--since", paramLabel = "TIME", converter = MomentConverter.class,
            description = "Only backups created at or after TIME: 2024-05-01, 2024-05-01T10:00:00Z, '2h ago', '7d ago'.")
    Instant since;

    @Option(names = "--type", paramLabel = "user|system|all", defaultValue = "all",
            converter = TypeLabels.class, completionCandidates = TypeLabels.class,
            description = "user: taken on demand; system: made by DynamoDB (default: ${DEFAULT-VALUE}).")
    BackupService.Type type;

    @Override
    protected void run(Context context) {
        List<ObjectNode> rows = BackupCommand.service(context).list(table, since, type).stream()
                .map(BackupDescriptions::row).toList();
        context.output().rows(rows, List.of("name", "table", "status", "created"));
    }

    /** Reads --type as typed (user, system, all) and lists those words for completion. */
    static final class TypeLabels extends LabelConverter<BackupService.Type> {
        TypeLabels() {
            super(BackupService.Type.class);
        }
    }
}
