package dev.dynctl.dynamo;

import dev.dynctl.aws.Clients;
import dev.dynctl.error.DynctlException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The item commands' work: keys typed from the table's schema, items read from any source, one
 * expression builder for every request, and results that stream.
 */
public final class ItemService {
    /**
     * How many items a put wrote; for many items, in how many BatchWriteItem requests (0 for one
     * PutItem, whose replaced item oldItem is when --return-values all-old asked for it).
     */
    public record PutResult(long written, long batchRequests, Map<String, AttributeValue> oldItem) {
    }

    private final Clients clients;

    public ItemService(Clients clients) {
        this.clients = clients;
    }

    public Map<String, AttributeValue> get(String table, String keyText, boolean consistent, List<String> attributes) {
        KeySchema schema = KeySchemas.of(clients, table);
        Map<String, AttributeValue> key = KeyParser.fullKey(schema, keyText);
        ItemPlaceholders placeholders = new ItemPlaceholders();
        String projection = attributes.isEmpty() ? null : placeholders.projection(attributes);
        GetItemResponse response = dynamo().getItem(b -> b.tableName(table).key(key)
                .consistentRead(consistent ? Boolean.TRUE : null)
                .projectionExpression(projection)
                .expressionAttributeNames(placeholders.names()));
        if (!response.hasItem()) {
            String partition = show(Map.of(schema.partition().name(), key.get(schema.partition().name())));
            throw DynctlException.notFound("Item " + show(key) + " not found in table " + table + ".",
                    "Check the key; 'dynctl item query " + table + " --key " + partition.substring(1, partition.length() - 1)
                            + "' lists its partition.");
        }
        return response.item();
    }

    /**
     * Puts every item the reader holds: one item with PutItem (so all-old can return what it
     * replaced), more with BatchWriteItem, 25 at a time, as they are read.
     */
    public PutResult put(String table, ItemReader reader, ItemReturnValues returnValues) {
        if (returnValues != ItemReturnValues.NONE && returnValues != ItemReturnValues.ALL_OLD) {
            throw DynctlException.usage("put --return-values takes none or all-old, not " + returnValues + ".");
        }
        KeySchema schema = KeySchemas.of(clients, table);
        if (!reader.hasNext()) {
            throw DynctlException.usage("No items to put: " + reader.description() + " held none.",
                    "Give an item as JSON or YAML, a file as @path, or pipe items on stdin.");
        }
        ItemReader.Read first = checked(schema, reader.next());
        if (!reader.hasNext()) {
            Map<String, AttributeValue> old = dynamo().putItem(b -> b.tableName(table).item(first.item())
                    .returnValues(returnValues.toSdk())).attributes();
            return new PutResult(1, 0, old);
        }
        if (returnValues != ItemReturnValues.NONE) {
            throw DynctlException.usage("put --return-values " + returnValues + " works on one item; " + reader.description()
                    + " holds more.", "Put the items without --return-values, or one at a time.");
        }
        ItemBatchWriter writer = new ItemBatchWriter(table, schema.names(), dynamo()::batchWriteItem);
        writer.put(first.item());
        while (reader.hasNext()) {
            writer.put(checked(schema, reader.next()).item());
        }
        writer.flush();
        return new PutResult(writer.written(), writer.requests(), Map.of());
    }

    /** Deletes one item; DynamoDB (and aws) say nothing when it was not there. */
    public Map<String, AttributeValue> delete(String table, String keyText, ItemReturnValues returnValues) {
        if (returnValues != ItemReturnValues.NONE && returnValues != ItemReturnValues.ALL_OLD) {
            throw DynctlException.usage("delete --return-values takes none or all-old, not " + returnValues + ".");
        }
        Map<String, AttributeValue> key = KeyParser.fullKey(KeySchemas.of(clients, table), keyText);
        return dynamo().deleteItem(b -> b.tableName(table).key(key).returnValues(returnValues.toSdk())).attributes();
    }

    /** Updates one item (creating it, as UpdateItem does, when it does not exist). */
    public Map<String, AttributeValue> update(String table, String keyText, UpdateClauses clauses, ItemReturnValues returnValues) {
        if (clauses.isEmpty()) {
            throw DynctlException.usage("Nothing to update.", "Give at least one of --set, --remove, --add or --delete.");
        }
        Map<String, AttributeValue> key = KeyParser.fullKey(KeySchemas.of(clients, table), keyText);
        String expression = clauses.expression();
        ItemPlaceholders placeholders = clauses.placeholders();
        return dynamo().updateItem(b -> b.tableName(table).key(key)
                .updateExpression(expression)
                .expressionAttributeNames(placeholders.names())
                .expressionAttributeValues(placeholders.values())
                .returnValues(returnValues.toSdk())).attributes();
    }

    /** The items of one partition, page after page as they are read. */
    public ItemStream query(QuerySpec spec) {
        positive("--limit", spec.limit());
        positive("--page-size", spec.pageSize());
        KeySchema table = KeySchemas.of(clients, spec.table());
        KeySchema schema = spec.index() == null ? table : table.index(spec.index());
        requireConsistentReadPossible(schema, spec.consistent());
        ItemPlaceholders placeholders = new ItemPlaceholders();
        String keyCondition = keyCondition(schema, spec, placeholders);
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(spec.table())
                .indexName(spec.index())
                .keyConditionExpression(keyCondition)
                .scanIndexForward(spec.descending() ? Boolean.FALSE : null)
                .consistentRead(spec.consistent() ? Boolean.TRUE : null)
                .limit(requestLimit(spec.pageSize(), spec.limit()));
        if (!spec.attributes().isEmpty()) {
            request.projectionExpression(placeholders.projection(spec.attributes()));
        }
        request.expressionAttributeNames(placeholders.names()).expressionAttributeValues(placeholders.values());
        Iterable<Map<String, AttributeValue>> items = dynamo().queryPaginator(request.build()).items();
        return new ItemStream(items, schema.leadingColumns(table), spec.limit(), () -> { });
    }

    /** Every item of the table or index; with segments > 1, read in parallel and streamed as one. */
    public ItemStream scan(ScanSpec spec) {
        positive("--limit", spec.limit());
        positive("--page-size", spec.pageSize());
        if (spec.segments() < 1 || spec.segments() > 1_000_000) {
            throw DynctlException.usage("--segments must be between 1 and 1000000, not " + spec.segments() + ".");
        }
        KeySchema table = KeySchemas.of(clients, spec.table());
        KeySchema schema = spec.index() == null ? table : table.index(spec.index());
        requireConsistentReadPossible(schema, spec.consistent());
        ItemPlaceholders placeholders = new ItemPlaceholders();
        ScanRequest.Builder builder = ScanRequest.builder()
                .tableName(spec.table())
                .indexName(spec.index())
                .consistentRead(spec.consistent() ? Boolean.TRUE : null)
                .limit(requestLimit(spec.pageSize(), spec.limit()));
        if (!spec.attributes().isEmpty()) {
            builder.projectionExpression(placeholders.projection(spec.attributes()));
        }
        ScanRequest request = builder.expressionAttributeNames(placeholders.names()).build();
        List<String> columns = schema.leadingColumns(table);
        if (spec.segments() == 1) {
            return new ItemStream(dynamo().scanPaginator(request).items(), columns, spec.limit(), () -> { });
        }
        ScanSegments segments = new ScanSegments(spec.segments(), segment -> dynamo().scanPaginator(
                request.toBuilder().segment(segment).totalSegments(spec.segments()).build()).items());
        return new ItemStream(segments, columns, spec.limit(), segments::close);
    }

    private String keyCondition(KeySchema schema, QuerySpec spec, ItemPlaceholders placeholders) {
        Map<String, AttributeValue> key = KeyParser.partitionKey(schema, spec.key());
        List<String> conditions = new ArrayList<>();
        key.forEach((name, value) -> conditions.add(placeholders.name(name) + " = " + placeholders.value(value)));
        if (spec.sortCondition() != null) {
            KeyAttribute sort = schema.sort().orElseThrow(() -> DynctlException.usage(
                    "--sk needs a sort key, and " + schema.describe() + ".", "Query the partition with --key alone."));
            if (key.containsKey(sort.name())) {
                throw DynctlException.usage("--key gives the sort key '" + sort.name() + "' and --sk gives a condition on it; pass one.");
            }
            conditions.add(QuerySortCondition.parse(spec.sortCondition()).expression(schema, sort, placeholders));
        }
        return String.join(" AND ", conditions);
    }

    private static void requireConsistentReadPossible(KeySchema schema, boolean consistent) {
        if (consistent && schema.globalIndex()) {
            throw DynctlException.usage("--consistent is not possible on global secondary index " + schema.index()
                    + ": it is always eventually consistent.", "Drop --consistent, or read the table itself.");
        }
    }

    /** The request's Limit: the page size, but no more than the items wanted in all. */
    private static Integer requestLimit(Integer pageSize, Integer limit) {
        if (pageSize == null) {
            return limit;
        }
        return limit == null ? pageSize : Math.min(pageSize, limit);
    }

    private static void positive(String option, Integer value) {
        if (value != null && value < 1) {
            throw DynctlException.usage(option + " must be at least 1, not " + value + ".");
        }
    }

    private static ItemReader.Read checked(KeySchema schema, ItemReader.Read read) {
        schema.requireKeyIn(read.item(), read.origin());
        return read;
    }

    /** A key as users typed it: {id=u1, created=5}. */
    static String show(Map<String, AttributeValue> key) {
        return key.entrySet().stream()
                .map(e -> e.getKey() + "=" + scalar(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String scalar(AttributeValue value) {
        if (value.s() != null) {
            return value.s();
        }
        if (value.n() != null) {
            return value.n();
        }
        return Base64.getEncoder().encodeToString(value.b().asByteArrayUnsafe());
    }

    private DynamoDbClient dynamo() {
        return clients.dynamo();
    }
}
