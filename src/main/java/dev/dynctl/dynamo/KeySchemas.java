package dev.dynctl.dynamo;

import dev.dynctl.aws.Clients;
import dev.dynctl.aws.Target;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Key schemas from DescribeTable, kept for the life of the process: the shell runs many item
 * commands on the same tables. A table can be deleted and created again with other keys in that
 * time, so a call that fails on its keys with a remembered schema describes the table once more
 * and, when the schema did change, runs again with the new one (see {@link Lookup#apply}).
 */
public final class KeySchemas {
    private record Where(Target target, String region, String table) {
    }

    private static final Map<Where, KeySchema> CACHE = new ConcurrentHashMap<>();

    private KeySchemas() {
    }

    /** The table's key schema, remembered or described now; a table that does not exist is the not-found error with near names. */
    public static Lookup lookup(Clients clients, String table) {
        Where where = new Where(clients.target(), clients.region().id(), table);
        KeySchema cached = CACHE.get(where);
        if (cached != null) {
            return new Lookup(clients, where, cached, true);
        }
        return new Lookup(clients, where, describe(clients, where), false);
    }

    /** Forgets the table's schema, so that the next command describes the table again. */
    public static void forget(Clients clients, String table) {
        CACHE.remove(new Where(clients.target(), clients.region().id(), table));
    }

    private static KeySchema describe(Clients clients, Where where) {
        TableDescription description;
        try {
            description = clients.dynamo().describeTable(b -> b.tableName(where.table())).table();
        } catch (ResourceNotFoundException e) {
            CACHE.remove(where);
            throw MissingTable.error(clients.dynamo(), where.table(), clients.where());
        }
        KeySchema schema = schema(where.table(), description);
        CACHE.put(where, schema);
        return schema;
    }

    private static KeySchema schema(String table, TableDescription description) {
        Map<String, ScalarAttributeType> types = new LinkedHashMap<>();
        for (AttributeDefinition d : description.attributeDefinitions()) {
            types.put(d.attributeName(), d.attributeType());
        }
        Map<String, KeySchema> indexes = new LinkedHashMap<>();
        description.globalSecondaryIndexes().forEach(i ->
                indexes.put(i.indexName(), new KeySchema(table, i.indexName(), true, attributes(i.keySchema(), types), Map.of())));
        description.localSecondaryIndexes().forEach(i ->
                indexes.put(i.indexName(), new KeySchema(table, i.indexName(), false, attributes(i.keySchema(), types), Map.of())));
        return new KeySchema(table, null, false, attributes(description.keySchema(), types), Collections.unmodifiableMap(indexes));
    }

    /** Partition key first, then the sort key, whatever order the description lists them in. */
    private static List<KeyAttribute> attributes(List<KeySchemaElement> elements, Map<String, ScalarAttributeType> types) {
        return elements.stream()
                .sorted((a, b) -> Boolean.compare(a.keyType() != KeyType.HASH, b.keyType() != KeyType.HASH))
                .map(e -> new KeyAttribute(e.attributeName(), types.get(e.attributeName())))
                .toList();
    }

    /** A table's key schema and whether it was remembered from an earlier command rather than described now. */
    public static final class Lookup {
        private final Clients clients;
        private final Where where;
        private final KeySchema schema;
        private final boolean remembered;

        private Lookup(Clients clients, Where where, KeySchema schema, boolean remembered) {
            this.clients = clients;
            this.where = where;
            this.schema = schema;
            this.remembered = remembered;
        }

        /**
         * Runs a call with the schema. When it fails on the keys (our own usage error, DynamoDB's
         * key ValidationException, or a table that is gone) and the schema was remembered, the
         * table is described again; if its schema changed, the call runs once more with it, so
         * keys are typed for the table as it now is. Otherwise the first failure stands.
         */
        public <T> T apply(Function<KeySchema, T> call) {
            try {
                return call.apply(schema);
            } catch (DynctlException | DynamoDbException e) {
                if (!remembered || !aboutKeys(e)) {
                    throw e;
                }
                CACHE.remove(where, schema);
                KeySchema now = describe(clients, where);
                if (now.equals(schema)) {
                    throw e;
                }
                return call.apply(now);
            }
        }

        private static boolean aboutKeys(RuntimeException e) {
            if (e instanceof DynctlException d) {
                return d.exitCode() == ExitCode.USAGE;
            }
            DynamoDbException dynamo = (DynamoDbException) e;
            if (dynamo instanceof ResourceNotFoundException) {
                return true;
            }
            String code = dynamo.awsErrorDetails() == null ? "" : dynamo.awsErrorDetails().errorCode();
            String message = String.valueOf(dynamo.awsErrorDetails() == null ? dynamo.getMessage() : dynamo.awsErrorDetails().errorMessage())
                    .toLowerCase(Locale.ROOT);
            // "The provided key element does not match the schema", "Type mismatch for key id",
            // "Query condition missed key schema element: pk", ...
            return "ValidationException".equals(code) && (message.contains("key") || message.contains("schema"));
        }
    }
}
