package dev.dynctl.dynamo;

import dev.dynctl.aws.AwsErrors;
import dev.dynctl.aws.Clients;
import dev.dynctl.dynamo.expression.Condition;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.ProjectFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
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

    /** The key a delete was given, and the item it deleted (empty when there was none). */
    public record DeleteResult(Map<String, AttributeValue> key, Map<String, AttributeValue> oldItem) {
    }

    private final Clients clients;
    private final ProjectFile project;
    private final Instant now = Instant.now();

    /** @param project the schemas writes follow and reads show (ProjectFile.empty() for none) */
    public ItemService(Clients clients, ProjectFile project) {
        this.clients = clients;
        this.project = project;
    }

    private TableRules rules(String table) {
        return TableRules.of(project, table, now);
    }

    public Map<String, AttributeValue> get(String table, String keyText, boolean consistent, List<String> attributes) {
        return KeySchemas.lookup(clients, table).apply(schema -> {
            Map<String, AttributeValue> key = KeyParser.fullKey(schema, keyText);
            ItemPlaceholders placeholders = new ItemPlaceholders();
            String projection = attributes.isEmpty() ? null : placeholders.projection(attributes);
            GetItemResponse response = dynamo().getItem(b -> b.tableName(table).key(key)
                    .consistentRead(consistent ? Boolean.TRUE : null)
                    .projectionExpression(projection)
                    .expressionAttributeNames(placeholders.names()));
            if (!response.hasItem()) {
                // a generic pointer: a command line built here would lack the user's --endpoint-url, --profile or --local
                String where = schema.sort().isPresent() ? "'item query' or 'item scan'" : "'item scan'";
                throw DynctlException.notFound("Item " + KeyText.of(key) + " not found in table " + table + ".",
                        "Check the key with " + where + " on the same target.");
            }
            return keysFirst(schema, rules(table).read(response.item()));
        });
    }

    /** The item with its key attributes first, as every renderer shows an item. */
    static Map<String, AttributeValue> keysFirst(KeySchema schema, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> ordered = new LinkedHashMap<>();
        schema.names().stream().filter(item::containsKey).forEach(name -> ordered.put(name, item.get(name)));
        ordered.putAll(item);
        return ordered;
    }

    /**
     * Puts every item the reader holds: one item with PutItem (so all-old can return what it
     * replaced, and a condition can guard it), more with BatchWriteItem, 25 at a time, as they are
     * read. Each item's key is checked as it is read, so a failure part-way says exactly which
     * items are in the table. With a schema, every item is checked before the first batch (and
     * held until then), so that an item the schema refuses means nothing is written.
     *
     * @param condition null, or what must hold for the one item to be written (--if)
     */
    public PutResult put(String table, ItemReader reader, ItemReturnValues returnValues, Condition condition) {
        if (returnValues != ItemReturnValues.NONE && returnValues != ItemReturnValues.ALL_OLD) {
            throw DynctlException.usage("put --return-values takes none or all-old, not " + returnValues + ".");
        }
        KeySchemas.Lookup keys = KeySchemas.lookup(clients, table);
        if (!reader.hasNext()) {
            throw DynctlException.usage("No items to put: " + reader.description() + " held none.",
                    "Give an item as JSON or YAML, a file as @path, or pipe items on stdin.");
        }
        ItemReader.Read first = reader.next();
        if (!reader.hasNext()) {
            Map<String, AttributeValue> old = keys.apply(schema -> putOne(table, schema, first, returnValues, condition));
            return new PutResult(1, 0, old);
        }
        if (returnValues != ItemReturnValues.NONE) {
            throw DynctlException.usage("put --return-values " + returnValues + " works on one item, and the input ("
                    + reader.description() + ") holds more.", "Put the items without --return-values, or one at a time.");
        }
        if (condition != null) {
            throw DynctlException.usage("put --if works on one item, and the input (" + reader.description() + ") holds more.",
                    "Many items are written with BatchWriteItem, which cannot carry a condition: put them one at a time with --if.");
        }
        TableRules rules = rules(table);
        rules.versionAttribute().ifPresent(version -> {
            throw DynctlException.usage("Table " + table + " keeps a version in " + version + ", and the input ("
                    + reader.description() + ") holds more than one item: BatchWriteItem cannot check versions.",
                    "Put them one at a time, in one 'item transact', or with --no-schema to write them as they are.");
        });
        KeySchema schema = keys.apply(s -> s);
        ItemBatchWriter writer = new ItemBatchWriter(table, schema.names(), dynamo()::batchWriteItem);
        try {
            Iterator<Map<String, AttributeValue>> items = prepared(schema, rules, first, reader);
            if (rules.hasSchema()) {
                List<Map<String, AttributeValue>> checked = new ArrayList<>();
                items.forEachRemaining(checked::add);
                items = checked.iterator();
            }
            items.forEachRemaining(writer::put);
            writer.flush();
        } catch (SdkException e) {
            if (e instanceof DynamoDbException) {
                // the table may have been re-created with other keys: the next command describes it again
                KeySchemas.forget(clients, table);
            }
            // the failed request's items may or may not have been written
            throw stoppedPartWay(AwsErrors.translate(e, clients.where()), writer.written(), writer.accepted(),
                    "Put is idempotent, so run it again once the cause is fixed.");
        } catch (DynctlException e) {
            // a bad item: the items before it that were not yet sent are certainly not written
            throw e.exitCode() == ExitCode.USAGE ? stoppedPartWay(e, writer.written(), writer.written(),
                    "Put is idempotent, so fix the input and run it again.") : e;
        }
        return new PutResult(writer.written(), writer.requests(), Map.of());
    }

    /** The items as they will be written, each prepared by the schema and then its key checked (a default may supply it). */
    private static Iterator<Map<String, AttributeValue>> prepared(KeySchema schema, TableRules rules, ItemReader.Read first,
                                                                  ItemReader reader) {
        return new Iterator<>() {
            private ItemReader.Read pending = first;

            @Override
            public boolean hasNext() {
                return pending != null || reader.hasNext();
            }

            @Override
            public Map<String, AttributeValue> next() {
                ItemReader.Read read = pending != null ? pending : reader.next();
                pending = null;
                Map<String, AttributeValue> item = rules.put(read.item()).item();
                schema.requireKeyIn(item, read.origin());
                return item;
            }
        };
    }

    private Map<String, AttributeValue> putOne(String table, KeySchema schema, ItemReader.Read given,
                                               ItemReturnValues returnValues, Condition condition) {
        TableRules.PreparedPut put = rules(table).put(given.item());
        Map<String, AttributeValue> item = put.item();
        schema.requireKeyIn(item, given.origin());
        Condition guard = both(condition, put.lock());
        ItemPlaceholders placeholders = new ItemPlaceholders();
        String expression = guard == null ? null : guard.compile(placeholders);
        try {
            return dynamo().putItem(b -> b.tableName(table).item(item).returnValues(returnValues.toSdk())
                    .conditionExpression(expression)
                    .expressionAttributeNames(placeholders.names())
                    .expressionAttributeValues(placeholders.values())
                    .returnValuesOnConditionCheckFailure(onFailure(guard))).attributes();
        } catch (ConditionalCheckFailedException e) {
            throw failure(table, schema, keyOf(schema, item), condition, put.lock(), e);
        }
    }

    /** The user's condition and the version lock, either of which may be absent. */
    private static Condition both(Condition condition, VersionLock lock) {
        if (lock == null) {
            return condition;
        }
        return condition == null ? lock.condition() : Condition.and(condition, lock.condition());
    }

    /** Which part of a write's condition failed: the version lock (when the item no longer has the version) or --if. */
    private static DynctlException failure(String table, KeySchema schema, Map<String, AttributeValue> key, Condition condition,
                                           VersionLock lock, ConditionalCheckFailedException e) {
        Map<String, AttributeValue> current = e.hasItem() ? e.item() : Map.of();
        if (lock != null && (condition == null || !lock.heldBy(current))) {
            return lock.conflict(table, key, current, e);
        }
        return ConditionFailure.of(table, schema, key, condition, e);
    }

    private static Map<String, AttributeValue> keyOf(KeySchema schema, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        schema.names().forEach(name -> key.put(name, item.get(name)));
        return key;
    }

    /** With a condition, a failure returns the item as it is, to show why. */
    private static ReturnValuesOnConditionCheckFailure onFailure(Condition condition) {
        return condition == null ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD;
    }

    /** A failure after some batches went out: which items are in the table, and that running again is safe. */
    private static DynctlException stoppedPartWay(DynctlException e, long written, long sent, String rerun) {
        String message = e.getMessage().matches("(?s).*[.!?]") ? e.getMessage() : e.getMessage() + ".";
        return new DynctlException(e.exitCode(), message + " " + ItemCount.writtenSoFar(written, sent),
                e.hint() == null ? rerun : e.hint() + " " + rerun, e);
    }

    /**
     * Deletes one item. DynamoDB (and aws) say nothing when it was not there; the old item is
     * always asked for, so that the caller can tell which happened.
     *
     * @param condition null, or what must hold for the item to be deleted (--if)
     */
    public DeleteResult delete(String table, String keyText, ItemReturnValues returnValues, Condition condition) {
        if (returnValues != ItemReturnValues.NONE && returnValues != ItemReturnValues.ALL_OLD) {
            throw DynctlException.usage("delete --return-values takes none or all-old, not " + returnValues + ".");
        }
        return KeySchemas.lookup(clients, table).apply(schema -> {
            Map<String, AttributeValue> key = KeyParser.fullKey(schema, keyText);
            ItemPlaceholders placeholders = new ItemPlaceholders();
            String expression = condition == null ? null : condition.compile(placeholders);
            try {
                Map<String, AttributeValue> old = dynamo().deleteItem(b -> b.tableName(table).key(key).returnValues(ReturnValue.ALL_OLD)
                        .conditionExpression(expression)
                        .expressionAttributeNames(placeholders.names())
                        .expressionAttributeValues(placeholders.values())
                        .returnValuesOnConditionCheckFailure(onFailure(condition))).attributes();
                return new DeleteResult(key, old);
            } catch (ConditionalCheckFailedException e) {
                throw ConditionFailure.of(table, schema, key, condition, e);
            }
        });
    }

    /**
     * Updates one item (creating it, as UpdateItem does, when it does not exist).
     *
     * @param condition null, or what must hold for the item to be updated (--if)
     */
    public Map<String, AttributeValue> update(String table, String keyText, UpdateClauses clauses, ItemReturnValues returnValues,
                                              Condition condition, Long expectedVersion) {
        if (clauses.isEmpty()) {
            throw DynctlException.usage("Nothing to update.", "Give at least one of --set, --remove, --add, --delete or --update.");
        }
        TableRules rules = rules(table);
        VersionLock lock = rules.update(clauses, expectedVersion);
        try {
            return KeySchemas.lookup(clients, table).apply(schema -> {
                Map<String, AttributeValue> key = KeyParser.fullKey(schema, keyText);
                // an update cannot supply required attributes, so with a schema that has some it only changes items that exist
                List<String> required = rules.requiredBeyond(schema.names());
                Condition existing = required.isEmpty() ? null : Condition.exists(schema.partition().name());
                Condition guard = both(existing == null ? condition : condition == null ? existing : Condition.and(existing, condition), lock);
                ItemPlaceholders placeholders = new ItemPlaceholders();
                String expression = clauses.compile(placeholders);
                String conditionExpression = guard == null ? null : guard.compile(placeholders);
                try {
                    Map<String, AttributeValue> returned = dynamo().updateItem(b -> b.tableName(table).key(key)
                            .updateExpression(expression)
                            .conditionExpression(conditionExpression)
                            .expressionAttributeNames(placeholders.names())
                            .expressionAttributeValues(placeholders.values())
                            .returnValues(returnValues.toSdk())
                            .returnValuesOnConditionCheckFailure(onFailure(guard))).attributes();
                    return returned.isEmpty() ? returned : rules.read(returned);
                } catch (ConditionalCheckFailedException e) {
                    if (existing != null && (!e.hasItem() || e.item().isEmpty())) {
                        throw DynctlException.notFound("There is no item " + KeyText.of(key) + " in table " + table + ", and its schema "
                                + "requires " + String.join(", ", required) + ", which an update does not supply: updates only change "
                                + "items that exist.", "Create the item with 'item put' (which fills defaults and checks required "
                                + "attributes), or update with --no-schema.");
                    }
                    throw failure(table, schema, key, condition, lock, e);
                }
            });
        } catch (DynamoDbException e) {
            throw clauses.explain(e).orElseThrow(() -> e);
        }
    }

    /** The items of one partition, page after page as they are read. */
    public ItemStream query(QuerySpec spec) {
        ItemReadSpec read = spec.read();
        checkCounts(read);
        return KeySchemas.lookup(clients, read.table()).apply(table -> {
            KeySchema schema = readSchema(table, read);
            ItemPlaceholders placeholders = new ItemPlaceholders();
            String keyCondition = keyCondition(schema, spec, placeholders);
            String projection = projection(read, placeholders);
            String filter = filter(read, placeholders);
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(read.table())
                    .indexName(read.index())
                    .keyConditionExpression(keyCondition)
                    .scanIndexForward(spec.descending() ? Boolean.FALSE : null)
                    .consistentRead(read.consistent() ? Boolean.TRUE : null)
                    .limit(requestLimit(read))
                    .projectionExpression(projection)
                    .filterExpression(filter)
                    .expressionAttributeNames(placeholders.names())
                    .expressionAttributeValues(placeholders.values());
            Iterable<Map<String, AttributeValue>> items = shown(read.table(), dynamo().queryPaginator(request.build()).items());
            return ItemStream.start(items, schema.leadingColumns(table), read.limit(), () -> { });
        });
    }

    /** Every item of the table or index; with segments > 1, read in parallel and streamed as one. */
    public ItemStream scan(ScanSpec spec) {
        ItemReadSpec read = spec.read();
        checkCounts(read);
        if (spec.segments() < 1 || spec.segments() > 1_000_000) {
            throw DynctlException.usage("--segments must be between 1 and 1000000, not " + spec.segments() + ".");
        }
        return KeySchemas.lookup(clients, read.table()).apply(table -> {
            KeySchema schema = readSchema(table, read);
            ItemPlaceholders placeholders = new ItemPlaceholders();
            String projection = projection(read, placeholders);
            String filter = filter(read, placeholders);
            ScanRequest request = ScanRequest.builder()
                    .tableName(read.table())
                    .indexName(read.index())
                    .consistentRead(read.consistent() ? Boolean.TRUE : null)
                    .limit(requestLimit(read))
                    .projectionExpression(projection)
                    .filterExpression(filter)
                    .expressionAttributeNames(placeholders.names())
                    .expressionAttributeValues(placeholders.values())
                    .build();
            List<String> columns = schema.leadingColumns(table);
            if (spec.segments() == 1) {
                return ItemStream.start(shown(read.table(), dynamo().scanPaginator(request).items()), columns, read.limit(), () -> { });
            }
            ScanSegments segments = new ScanSegments(spec.segments(), segment -> dynamo().scanPaginator(
                    request.toBuilder().segment(segment).totalSegments(spec.segments()).build()).items());
            return ItemStream.start(shown(read.table(), segments), columns, read.limit(), segments::close);
        });
    }

    /** The items as reads show them: the table schema's get-transforms applied as they stream. */
    private Iterable<Map<String, AttributeValue>> shown(String table, Iterable<Map<String, AttributeValue>> items) {
        TableRules rules = rules(table);
        if (!rules.hasSchema()) {
            return items;
        }
        return () -> new Iterator<>() {
            private final Iterator<Map<String, AttributeValue>> read = items.iterator();

            @Override
            public boolean hasNext() {
                return read.hasNext();
            }

            @Override
            public Map<String, AttributeValue> next() {
                return rules.read(read.next());
            }
        };
    }

    private static void checkCounts(ItemReadSpec read) {
        positive("--limit", read.limit());
        positive("--page-size", read.pageSize());
    }

    /** The schema of what is read: the table's, or its index's; consistent reads are refused on a global index. */
    private static KeySchema readSchema(KeySchema table, ItemReadSpec read) {
        KeySchema schema = read.index() == null ? table : table.index(read.index());
        if (read.consistent() && schema.globalIndex()) {
            throw DynctlException.usage("--consistent is not possible on global secondary index " + schema.index()
                    + ": it is always eventually consistent.", "Drop --consistent, or read the table itself.");
        }
        return schema;
    }

    private static String projection(ItemReadSpec read, ItemPlaceholders placeholders) {
        return read.attributes().isEmpty() ? null : placeholders.projection(read.attributes());
    }

    private static String filter(ItemReadSpec read, ItemPlaceholders placeholders) {
        return read.filter() == null ? null : read.filter().compile(placeholders);
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

    /**
     * The request's Limit: the page size, but no more than the items wanted in all. With a filter,
     * Limit counts the items read before filtering, so only the page size applies.
     */
    private static Integer requestLimit(ItemReadSpec read) {
        Integer wanted = read.filter() == null ? read.limit() : null;
        if (read.pageSize() == null) {
            return wanted;
        }
        return wanted == null ? read.pageSize() : Math.min(read.pageSize(), wanted);
    }

    private static void positive(String option, Integer value) {
        if (value != null && value < 1) {
            throw DynctlException.usage(option + " must be at least 1, not " + value + ".");
        }
    }

    private DynamoDbClient dynamo() {
        return clients.dynamo();
    }
}
