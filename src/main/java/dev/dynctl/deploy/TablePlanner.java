package dev.dynctl.deploy;

import dev.dynctl.dynamo.ItemCount;
import dev.dynctl.dynamo.TableDefinition;
import dev.dynctl.dynamo.TableDetails;
import dev.dynctl.dynamo.TableService;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.StageArns;
import dev.dynctl.model.StageTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The stage's tables: made with their keys, indexes, stream and TTL (tagged in CreateTable),
 * updated one change at a time as DynamoDB requires ({@link TableDiff}), and — when the project
 * no longer lists one the stage owns — exported to a file and deleted. A table is the stage's by
 * its tags alone.
 */
public final class TablePlanner implements Planner {
    /** What may stand on either side of the stage in a table's name: what {@code ${stage}} may stand between in a name: template. */
    private static final String SEPARATORS = "-_.";

    private final Path backupDirectory;
    /** False for {@code dev}: a table the file no longer lists keeps its items, and is not even looked at. */
    private final boolean deletes;

    /**
     * @param backupDirectory the folder a table is exported into before it is deleted, as it is
     *                        (the caller has put the stage in it when it should be); null for no backup
     */
    public TablePlanner(Path backupDirectory) {
        this(backupDirectory, true);
    }

    private TablePlanner(Path backupDirectory, boolean deletes) {
        this.backupDirectory = backupDirectory;
        this.deletes = deletes;
    }

    /**
     * A planner that creates and updates the file's tables and plans no deletion: the stage's
     * other tables are not listed, so one with deletion protection stops nothing and no tags are read.
     */
    public static TablePlanner withoutDeletions() {
        return new TablePlanner(null, false);
    }

    @Override
    public List<Step> plan(DeployContext context) {
        DynamoDbClient dynamo = context.clients().dynamo();
        TableService tables = new TableService(dynamo, context.clients().where());
        List<Step> steps = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        for (StageTable table : context.stage().tables()) {
            wanted.add(table.name());
            steps.add(step(context, tables, table));
        }
        if (!deletes) {
            return steps;
        }
        for (String name : ownedTables(context, dynamo, tables, context.arns())) {
            if (!wanted.contains(name)) {
                deletion(context, dynamo, tables, name).ifPresent(steps::add);
            }
        }
        return steps;
    }

    private static Step step(DeployContext context, TableService tables, StageTable table) {
        Optional<TableDetails> found = tables.describeIfExists(table.name());
        if (found.isEmpty()) {
            return create(context, tables, table);
        }
        TableDetails existing = found.get();
        if (!DeployTags.owned(context, existing.tags())) {
            throw NotOwned.error(context, ResourceKind.TABLE, table.name(), existing.tags());
        }
        TableDiff diff = TableDiff.of(table.definition(), existing.table(), existing.ttl());
        if (diff.isEmpty()) {
            return CallingStep.none(ResourceKind.TABLE, table.name());
        }
        return CallingStep.of(Change.update(ResourceKind.TABLE, table.name(), diff.fields()),
                () -> tables.update(table.name(), diff.changes(), TableService.DEFAULT_TIMEOUT));
    }

    private static Step create(DeployContext context, TableService tables, StageTable table) {
        TableDefinition wanted = table.definition();
        // tagged in CreateTable itself: a deploy stopped right after still finds the table as the stage's
        TableDefinition tagged = new TableDefinition(wanted.name(), wanted.partitionKey(), wanted.sortKey(), wanted.globalIndexes(),
                wanted.localIndexes(), wanted.billing(), wanted.stream(), DeployTags.of(context, "tables." + table.logicalName()),
                wanted.deletionProtection(), wanted.ttlAttribute(), wanted.pointInTimeRecovery());
        return CallingStep.of(Change.create(ResourceKind.TABLE, table.name()),
                () -> tables.create(tagged, false, TableService.DEFAULT_TIMEOUT));
    }

    /**
     * The tables the stage owns, by their tags. Only the tables that may be the stage's are asked
     * about (one ListTagsOfResource each), not every table of the account: see {@link #mayBeTheStages}.
     */
    private static List<String> ownedTables(DeployContext context, DynamoDbClient dynamo, TableService tables, StageArns arns) {
        List<String> owned = new ArrayList<>();
        for (String name : dynamo.listTablesPaginator(b -> { }).tableNames()) {
            if (!mayBeTheStages(name, context.stage().service(), context.stage().stage())) {
                continue;
            }
            try {
                if (DeployTags.owned(context, tables.tags(arns.table(name)))) {
                    owned.add(name);
                }
            } catch (ResourceNotFoundException deletedSinceListed) {
                // nothing to own
            }
        }
        return owned;
    }

    /**
     * Whether a table may have been made by the stage: a default name starts with {@code
     * SERVICE-STAGE-}; a {@code name:} template holds {@code ${stage}} as a part of its own,
     * between '-', '_' or '.' or at an end (the project file's reader requires it), so
     * its tables hold the stage so. A name that holds the stage only inside a word
     * ({@code devices} for stage {@code dev}) is never one.
     */
    static boolean mayBeTheStages(String name, String service, String stage) {
        if (name.startsWith(service + "-" + stage + "-")) {
            return true;
        }
        for (int at = name.indexOf(stage); at >= 0; at = name.indexOf(stage, at + 1)) {
            int after = at + stage.length();
            if ((at == 0 || SEPARATORS.indexOf(name.charAt(at - 1)) >= 0)
                    && (after == name.length() || SEPARATORS.indexOf(name.charAt(after)) >= 0)) {
                return true;
            }
        }
        return false;
    }

    /** The step that deletes an owned table, none when it is already being deleted; deletion protection stops the plan. */
    private Optional<Step> deletion(DeployContext context, DynamoDbClient dynamo, TableService tables, String name) {
        Optional<TableDetails> found = tables.describeIfExists(name);
        if (found.isEmpty() || found.get().table().tableStatus() == TableStatus.DELETING) {
            return Optional.empty();
        }
        if (backupDirectory != null && Files.exists(backupDirectory) && !Files.isDirectory(backupDirectory)) {
            // said before anything is deleted, not when the deploy reaches the table with the APIs and functions gone
            throw DynctlException.usage("Cannot back up table " + name + " into " + backupDirectory + ": it is a file, not a directory.",
                    "Give --backup-dir a directory (made when missing), or leave it out for .dynctl/backups next to dynctl.yaml.");
        }
        if (Boolean.TRUE.equals(found.get().table().deletionProtectionEnabled())) {
            throw new DynctlException(ExitCode.FAILURE, "Table " + name + " belongs to stage " + context.stage().stage()
                    + " and the project no longer lists it, but it has deletion protection; nothing was changed.",
                    "Turn the protection off to let the deploy delete it: dynctl table update " + name + " --no-deletion-protection");
        }
        return Optional.of(CallingStep.of(Change.delete(ResourceKind.TABLE, name), () -> {
            if (backupDirectory != null) {
                // read again when it runs: the items are exported as they are then
                TableDetails details = tables.describe(name);
                TableBackup.Written backup = new TableBackup(backupDirectory).write(dynamo, details);
                context.notes().accept("Backed up table " + name + " (" + ItemCount.of(backup.items()) + ") to " + backup.file() + ".");
            }
            tables.delete(name, true, TableService.DEFAULT_TIMEOUT);
        }));
    }
}
