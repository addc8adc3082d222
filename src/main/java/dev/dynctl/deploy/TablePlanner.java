package dev.dynctl.deploy;

import dev.dynctl.dynamo.ItemCount;
import dev.dynctl.dynamo.TableDefinition;
import dev.dynctl.dynamo.TableDetails;
import dev.dynctl.dynamo.TableService;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.StageTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * The stage's tables: made with their keys, indexes, stream and TTL (tagged in CreateTable),
 * updated one change at a time as DynamoDB requires ({@link TableDiff}), and — when the project
 * no longer lists one the stage owns — exported to a file and deleted. A table is the stage's by
 * its tags alone.
 */
public final class TablePlanner implements Planner {
    private final Path backupDirectory;

    /** @param backupDirectory where a table is exported before it is deleted; null for no backup */
    public TablePlanner(Path backupDirectory) {
        this.backupDirectory = backupDirectory;
    }

    @Override
    public List<Step> plan(DeployContext context) {
        DynamoDbClient dynamo = context.clients().dynamo();
        TableService tables = new TableService(dynamo, context.clients().where());
        ResourceArns arns = ResourceArns.of(context);
        List<Step> steps = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        for (StageTable table : context.stage().tables()) {
            wanted.add(table.name());
            steps.add(step(context, dynamo, tables, table));
        }
        for (String name : ownedTables(context, dynamo, arns)) {
            if (!wanted.contains(name)) {
                deletion(context, dynamo, tables, name).ifPresent(steps::add);
            }
        }
        return steps;
    }

    private static Step step(DeployContext context, DynamoDbClient dynamo, TableService tables, StageTable table) {
        TableDescription existing = describeOrNull(dynamo, table.name());
        if (existing == null) {
            return create(context, tables, table);
        }
        Map<String, String> tags = tags(dynamo, existing.tableArn());
        if (!DeployTags.owned(context, tags)) {
            throw NotOwned.error(context, ResourceKind.TABLE, table.name(), tags);
        }
        TimeToLiveDescription ttl = dynamo.describeTimeToLive(b -> b.tableName(table.name())).timeToLiveDescription();
        TableDiff diff = TableDiff.of(table.definition(), existing, ttl);
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
     * The tables the stage owns, by their tags. Only tables whose name holds the stage's are
     * asked about (one ListTagsOfResource each): every table a stage makes has the stage in its name.
     */
    private static List<String> ownedTables(DeployContext context, DynamoDbClient dynamo, ResourceArns arns) {
        List<String> owned = new ArrayList<>();
        for (String name : dynamo.listTablesPaginator(b -> { }).tableNames()) {
            if (!name.contains(context.stage().stage())) {
                continue;
            }
            try {
                if (DeployTags.owned(context, tags(dynamo, arns.table(name)))) {
                    owned.add(name);
                }
            } catch (ResourceNotFoundException deletedSinceListed) {
                // nothing to own
            }
        }
        return owned;
    }

    /** The step that deletes an owned table, none when it is already being deleted; deletion protection stops the plan. */
    private Optional<Step> deletion(DeployContext context, DynamoDbClient dynamo, TableService tables, String name) {
        TableDescription table = describeOrNull(dynamo, name);
        if (table == null || table.tableStatus() == TableStatus.DELETING) {
            return Optional.empty();
        }
        if (Boolean.TRUE.equals(table.deletionProtectionEnabled())) {
            throw new DynctlException(ExitCode.FAILURE, "Table " + name + " belongs to stage " + context.stage().stage()
                    + " and the project no longer lists it, but it has deletion protection; nothing was changed.",
                    "Turn the protection off to let the deploy delete it: dynctl table update " + name + " --no-deletion-protection");
        }
        return Optional.of(CallingStep.of(Change.delete(ResourceKind.TABLE, name), () -> {
            if (backupDirectory != null) {
                TableDetails details = tables.describe(name);
                TableBackup.Written backup = new TableBackup(backupDirectory.resolve(context.stage().stage())).write(dynamo, details);
                context.notes().accept("Backed up table " + name + " (" + ItemCount.of(backup.items()) + ") to " + backup.file() + ".");
            }
            tables.delete(name, true, TableService.DEFAULT_TIMEOUT);
        }));
    }

    private static TableDescription describeOrNull(DynamoDbClient dynamo, String name) {
        try {
            return dynamo.describeTable(b -> b.tableName(name)).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private static Map<String, String> tags(DynamoDbClient dynamo, String arn) {
        Map<String, String> tags = new LinkedHashMap<>();
        String next = null;
        do {
            String token = next;
            ListTagsOfResourceResponse page = dynamo.listTagsOfResource(b -> b.resourceArn(arn).nextToken(token));
            page.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
            next = page.nextToken();
        } while (next != null);
        return tags;
    }
}
