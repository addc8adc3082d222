package dev.dynctl.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.dynamo.TableDefinition;
import dev.dynctl.dynamo.TableDescriptions;
import dev.dynctl.dynamo.TableDetails;
import dev.dynctl.dynamo.TableService;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The table an import or a copy writes into, made from a definition when it is missing and
 * waited for until it (and its indexes) are ACTIVE. An existing table is used when its keys are
 * the definition's; other keys are bad input (exit 2), since no item written for one key schema
 * fits the other.
 */
public final class DestinationTable {
    private final DynamoDbClient client;
    private final String where;

    public DestinationTable(DynamoDbClient client, String where) {
        this.client = client;
        this.where = where;
    }

    /** What {@link #ensure} found: the table, ACTIVE, and whether it was created now. */
    public record Outcome(TableDetails table, boolean created) {
    }

    public Outcome ensure(TableDefinition definition) throws InterruptedException {
        TableService service = new TableService(client, where);
        TableDescription existing = describeOrNull(definition.name());
        if (existing == null) {
            return new Outcome(service.create(definition, true, TableService.DEFAULT_TIMEOUT).table(), true);
        }
        JsonNode shown = TableDescriptions.document(TableDetails.of(existing));
        if (!sameKey(shown.get("partitionKey"), definition.partitionKey().name(), definition.partitionKey().type().toString())
                || !sameKey(shown.get("sortKey"), definition.sortKey() == null ? null : definition.sortKey().name(),
                        definition.sortKey() == null ? null : definition.sortKey().type().toString())) {
            throw new DynctlException(ExitCode.USAGE, "Table '" + definition.name() + "' exists in " + where + " with keys "
                    + keys(shown.get("partitionKey"), shown.get("sortKey")) + ", not " + words(definition) + ".",
                    "Write into a new table (another name), or delete this one first.");
        }
        return new Outcome(service.awaitActive(definition.name(), TableService.DEFAULT_TIMEOUT), false);
    }

    /** True when the table holds at least one item (one Scan of one item: cheap whatever its size). */
    public boolean hasItems(String table) {
        return client.scan(b -> b.tableName(table).limit(1)).count() > 0;
    }

    private TableDescription describeOrNull(String table) {
        try {
            return client.describeTable(b -> b.tableName(table)).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private static boolean sameKey(JsonNode shown, String name, String type) {
        if (shown == null || shown.isNull()) {
            return name == null;
        }
        return Objects.equals(shown.path("name").asText(), name) && Objects.equals(shown.path("type").asText(), type);
    }

    private static String keys(JsonNode pk, JsonNode sk) {
        String partition = pk.path("name").asText() + " (" + pk.path("type").asText() + ")";
        return sk == null ? partition : partition + ", " + sk.path("name").asText() + " (" + sk.path("type").asText() + ")";
    }

    private static String words(TableDefinition definition) {
        String partition = definition.partitionKey().name() + " (" + definition.partitionKey().type() + ")";
        return definition.sortKey() == null ? partition
                : partition + ", " + definition.sortKey().name() + " (" + definition.sortKey().type() + ")";
    }
}
