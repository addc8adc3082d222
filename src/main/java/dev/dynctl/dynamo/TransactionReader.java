package dev.dynctl.dynamo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import dev.dynctl.dynamo.expression.Condition;
import dev.dynctl.error.DynctlException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The operations of a transaction file, checked before anything is sent: at most
 * {@value #MAX_OPERATIONS}, known fields only, keys typed from each table's key schema, conditions
 * and updates compiled, and no item touched twice.
 *
 * <p>An operation is {@code put: {table, item, if}}, {@code update: {table, key, set, remove, add,
 * delete, update, if}}, {@code delete: {table, key, if}} or {@code check: {table, key, if}}; the
 * AWS CLI's {@code --transact-items} entries ({@code {"Put": {"TableName": …}}}, Update, Delete,
 * ConditionCheck) are read too, their expressions sent as written.
 */
final class TransactionReader {
    static final int MAX_OPERATIONS = 100;
    static final String FORMAT_HINT = "Operations are put: {table, item, if}, update: {table, key, set, remove, add, delete, update, if}, "
            + "delete: {table, key, if} and check: {table, key, if}; see 'dynctl item transact --help'.";

    private static final List<String> PUT = List.of("table", "item", "if");
    private static final List<String> UPDATE = List.of("table", "key", "set", "remove", "add", "delete", "update", "if");
    private static final List<String> KEYED = List.of("table", "key", "if");
    private static final List<String> AWS_COMMON = List.of("TableName", "ConditionExpression", "ExpressionAttributeNames",
            "ExpressionAttributeValues", "ReturnValuesOnConditionCheckFailure");

    private final Function<String, KeySchema> schemas;
    private final Function<String, TableRules> rules;

    private TransactionReader(Function<String, KeySchema> schemas, Function<String, TableRules> rules) {
        this.schemas = schemas;
        this.rules = rules;
    }

    /**
     * @param schemas the key schema of a table, by name (a table that does not exist fails there)
     * @param rules what a table's schema in the project file does to its puts and updates (the AWS CLI's form is sent as written)
     */
    static List<TransactionOperation> read(ValueReader values, Function<String, KeySchema> schemas, Function<String, TableRules> rules) {
        TransactionReader reader = new TransactionReader(schemas, rules);
        List<TransactionOperation> operations = new ArrayList<>();
        Map<List<Object>, TransactionOperation> touched = new HashMap<>();
        int count = 0;
        while (values.hasNext()) {
            ValueReader.Value value = values.next();
            count++;
            if (count > MAX_OPERATIONS) {
                continue; // counted, so that the message says how many there are
            }
            TransactionOperation operation = reader.operation(count, value);
            TransactionOperation earlier = touched.put(List.of(operation.table(), KeyIdentity.of(List.copyOf(operation.key().keySet()),
                    operation.key())), operation);
            if (earlier != null) {
                throw DynctlException.usage("Operations " + earlier.number() + " and " + operation.number() + " both touch "
                        + operation.table() + " " + KeyText.of(earlier.key()) + " (" + earlier.at() + ", " + operation.at()
                        + "): a transaction may touch an item only once.", "Merge them into one operation, or run two transactions.");
            }
            operations.add(operation);
        }
        if (count == 0) {
            throw DynctlException.usage("No operations: " + values.description() + " held none.", FORMAT_HINT);
        }
        if (count > MAX_OPERATIONS) {
            throw DynctlException.usage("The transaction has " + count + " operations (in " + values.description()
                    + "); DynamoDB takes at most " + MAX_OPERATIONS + ".", "Split it into transactions of " + MAX_OPERATIONS + " or fewer, or use "
                    + "'dynctl item batch-write' when the writes need not succeed or fail together.");
        }
        return operations;
    }

    private TransactionOperation operation(int number, ValueReader.Value value) {
        String origin = "operation " + number + " (" + value.at() + ")";
        JsonNode node = value.node();
        if (!node.isObject() || node.size() != 1) {
            String what = node.isObject() ? "an object with " + node.size() + " fields" : JsonKinds.of(node);
            throw DynctlException.usage(ItemKeys.capitalized(origin) + " is " + what + ", not one of put:, update:, delete: or check:.",
                    FORMAT_HINT);
        }
        String kind = node.fieldNames().next();
        JsonNode body = node.get(kind);
        Operation parsed;
        try {
            parsed = switch (kind) {
                case "put" -> put(new TransactionFields(body, kind, origin, PUT));
                case "update" -> update(new TransactionFields(body, kind, origin, UPDATE));
                case "delete" -> delete(new TransactionFields(body, kind, origin, KEYED));
                case "check" -> check(new TransactionFields(body, kind, origin, KEYED));
                case "Put", "Update", "Delete", "ConditionCheck" -> aws(kind, body, origin);
                default -> throw DynctlException.usage(ItemKeys.capitalized(origin) + " is '" + kind + "', not one of put, update, "
                        + "delete or check.", FORMAT_HINT);
            };
        } catch (DynctlException e) {
            throw named(e, origin);
        }
        return new TransactionOperation(number, parsed.kind, parsed.table, parsed.key, parsed.condition, parsed.conditionHint, value.at(),
                parsed.request);
    }

    /** An error about an operation (a missing table, a bad --set-style value) that names it. */
    private static DynctlException named(DynctlException e, String origin) {
        String name = ItemKeys.capitalized(origin);
        if (e.getMessage().startsWith(name)) {
            return e;
        }
        return new DynctlException(e.exitCode(), name + ": " + e.getMessage(), e.hint(), e);
    }

    /** An operation before it is numbered. */
    private record Operation(String kind, String table, Map<String, AttributeValue> key, String condition, String conditionHint,
                             TransactWriteItem request) {
        /** An operation with a condition in dynctl's grammar, whose failure can say more. */
        Operation(String kind, String table, Map<String, AttributeValue> key, Condition condition, TransactWriteItem request) {
            this(kind, table, key, condition == null ? null : condition.text(),
                    condition == null ? null : condition.quotingHint().orElse(null), request);
        }
    }

    /**
     * Every item a transaction puts passes here before it is sent: the one place where an item is
     * prepared and checked (the table's schema, then its key attributes and their types).
     */
    private Operation put(TransactionFields fields) {
        String table = fields.requiredText("table");
        KeySchema schema = schemas.apply(table);
        JsonNode itemNode = fields.node("item");
        if (!itemNode.isObject()) {
            throw fields.error("put's item must be a map, not " + JsonKinds.of(itemNode) + ".");
        }
        Map<String, AttributeValue> given = decoded(fields, () -> AttributeCodec.fromAnyJson(itemNode));
        TableRules.PreparedPut prepared = rules.apply(table).put(given);
        Map<String, AttributeValue> item = prepared.item();
        schema.requireKeyIn(item, fields.origin());
        ItemPlaceholders placeholders = new ItemPlaceholders();
        Condition condition = guarded(condition(fields), prepared.lock());
        Put put = Put.builder().tableName(table).item(item)
                .conditionExpression(condition == null ? null : condition.compile(placeholders))
                .expressionAttributeNames(placeholders.names())
                .expressionAttributeValues(placeholders.values())
                .returnValuesOnConditionCheckFailure(condition == null ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        return new Operation("put", table, ItemKeys.of(schema, item), condition, TransactWriteItem.builder().put(put).build());
    }

    /**
     * Every update a transaction makes passes here before it is sent: the one place where an
     * update is checked.
     */
    private Operation update(TransactionFields fields) {
        String table = fields.requiredText("table");
        Map<String, AttributeValue> key = key(fields, schemas.apply(table));
        UpdateClauses clauses = new UpdateClauses();
        JsonNode set = fields.object("set");
        if (set != null) {
            set.fields().forEachRemaining(e -> clauses.set(e.getKey(), decoded(fields, () -> AttributeCodec.valueFromJson(e.getValue()))));
        }
        if (fields.has("remove")) {
            JsonNode remove = fields.node("remove");
            if (remove.isTextual()) {
                clauses.remove(remove.textValue());
            } else if (remove.isArray() && allText(remove)) {
                remove.forEach(path -> clauses.remove(path.textValue()));
            } else {
                throw fields.error("update's remove must be a path or a list of paths, not " + JsonKinds.of(remove) + ".");
            }
        }
        JsonNode add = fields.object("add");
        if (add != null) {
            add.fields().forEachRemaining(e -> clauses.add(e.getKey() + " " + json(e.getValue())));
        }
        JsonNode delete = fields.object("delete");
        if (delete != null) {
            delete.fields().forEachRemaining(e -> clauses.delete(e.getKey() + " " + json(e.getValue())));
        }
        String expression = fields.text("update");
        if (expression != null) {
            clauses.expression(expression, source(fields, "update"));
        }
        if (clauses.isEmpty()) {
            throw fields.error("update changes nothing: give at least one of set, remove, add, delete or update.");
        }
        Condition condition = guarded(condition(fields), rules.apply(table).update(clauses, null));
        ItemPlaceholders placeholders = new ItemPlaceholders();
        String updateExpression = clauses.compile(placeholders);
        Update update = Update.builder().tableName(table).key(key)
                .updateExpression(updateExpression)
                .conditionExpression(condition == null ? null : condition.compile(placeholders))
                .expressionAttributeNames(placeholders.names())
                .expressionAttributeValues(placeholders.values())
                .returnValuesOnConditionCheckFailure(condition == null ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        return new Operation("update", table, key, condition, TransactWriteItem.builder().update(update).build());
    }

    private Operation delete(TransactionFields fields) {
        String table = fields.requiredText("table");
        Map<String, AttributeValue> key = key(fields, schemas.apply(table));
        ItemPlaceholders placeholders = new ItemPlaceholders();
        Condition condition = condition(fields);
        Delete delete = Delete.builder().tableName(table).key(key)
                .conditionExpression(condition == null ? null : condition.compile(placeholders))
                .expressionAttributeNames(placeholders.names())
                .expressionAttributeValues(placeholders.values())
                .returnValuesOnConditionCheckFailure(condition == null ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        return new Operation("delete", table, key, condition, TransactWriteItem.builder().delete(delete).build());
    }

    private Operation check(TransactionFields fields) {
        String table = fields.requiredText("table");
        Map<String, AttributeValue> key = key(fields, schemas.apply(table));
        ItemPlaceholders placeholders = new ItemPlaceholders();
        fields.requiredText("if");
        Condition condition = condition(fields);
        ConditionCheck check = ConditionCheck.builder().tableName(table).key(key)
                .conditionExpression(condition == null ? null : condition.compile(placeholders))
                .expressionAttributeNames(placeholders.names())
                .expressionAttributeValues(placeholders.values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        return new Operation("check", table, key, condition, TransactWriteItem.builder().conditionCheck(check).build());
    }

    /** The operation's condition and the version lock of its table's schema, either of which may be absent. */
    private static Condition guarded(Condition condition, VersionLock lock) {
        if (lock == null) {
            return condition;
        }
        return condition == null ? lock.condition() : Condition.and(condition, lock.condition());
    }

    /** An entry of the AWS CLI's --transact-items: DynamoDB JSON, expressions with their own placeholders. */
    private Operation aws(String kind, JsonNode body, String origin) {
        List<String> allowed = new ArrayList<>(AWS_COMMON);
        allowed.add(kind.equals("Put") ? "Item" : "Key");
        if (kind.equals("Update")) {
            allowed.add("UpdateExpression");
        }
        String word = switch (kind) {
            case "Put" -> "put";
            case "Update" -> "update";
            case "Delete" -> "delete";
            default -> "check";
        };
        TransactionFields fields = new TransactionFields(body, kind, origin, allowed);
        String table = fields.requiredText("TableName");
        KeySchema schema = schemas.apply(table);
        String condition = kind.equals("ConditionCheck") ? fields.requiredText("ConditionExpression") : fields.text("ConditionExpression");
        Map<String, String> names = awsNames(fields);
        Map<String, AttributeValue> values = awsValues(fields);
        ReturnValuesOnConditionCheckFailure returnValues = fields.has("ReturnValuesOnConditionCheckFailure")
                ? ReturnValuesOnConditionCheckFailure.fromValue(fields.text("ReturnValuesOnConditionCheckFailure"))
                : condition == null ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD;
        if (kind.equals("Put")) {
            JsonNode itemNode = fields.object("Item");
            if (itemNode == null) {
                throw fields.error("Put needs 'Item'.");
            }
            Map<String, AttributeValue> item = decoded(fields, () -> AttributeCodec.fromDynamoJson(itemNode));
            schema.requireKeyIn(item, origin);
            Put put = Put.builder().tableName(table).item(item).conditionExpression(condition).expressionAttributeNames(names)
                    .expressionAttributeValues(values).returnValuesOnConditionCheckFailure(returnValues).build();
            return new Operation(word, table, ItemKeys.of(schema, item), condition, null, TransactWriteItem.builder().put(put).build());
        }
        JsonNode keyNode = fields.object("Key");
        if (keyNode == null) {
            throw fields.error(kind + " needs 'Key'.");
        }
        Map<String, AttributeValue> key = ItemKeys.fromAttributes(schema, decoded(fields, () -> AttributeCodec.fromDynamoJson(keyNode)), origin);
        TransactWriteItem request = switch (kind) {
            case "Update" -> TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
                    .updateExpression(fields.requiredText("UpdateExpression")).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(returnValues).build()).build();
            case "Delete" -> TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(returnValues).build()).build();
            default -> TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key)
                    .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(returnValues).build()).build();
        };
        return new Operation(word, table, key, condition, null, request);
    }

    private static Map<String, String> awsNames(TransactionFields fields) {
        JsonNode names = fields.object("ExpressionAttributeNames");
        if (names == null || names.isEmpty()) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        names.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw fields.error("ExpressionAttributeNames' " + e.getKey() + " must be text.");
            }
            map.put(e.getKey(), e.getValue().textValue());
        });
        return map;
    }

    private static Map<String, AttributeValue> awsValues(TransactionFields fields) {
        JsonNode values = fields.object("ExpressionAttributeValues");
        if (values == null || values.isEmpty()) {
            return null;
        }
        return decoded(fields, () -> AttributeCodec.fromDynamoJson(values));
    }

    private static Map<String, AttributeValue> key(TransactionFields fields, KeySchema schema) {
        return ItemKeys.fromJson(schema, fields.node("key"), fields.origin());
    }

    private static Condition condition(TransactionFields fields) {
        String text = fields.text("if");
        return text == null ? null : Condition.parse(text, source(fields, "if"));
    }

    /** "operation 3's if (ops.yaml line 7)": where a grammar error points. */
    private static String source(TransactionFields fields, String field) {
        String origin = fields.origin();
        int paren = origin.indexOf(" (");
        return origin.substring(0, paren) + "'s " + field + origin.substring(paren);
    }

    /** Values decoded by the codec, whose errors gain the operation's name. */
    private static <T> T decoded(TransactionFields fields, Supplier<T> decode) {
        try {
            return decode.get();
        } catch (DynctlException e) {
            throw new DynctlException(e.exitCode(), ItemKeys.capitalized(fields.origin()) + ": " + e.getMessage(), e.hint(), e);
        }
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** A value as JSON text, which UpdateClauses reads back exactly (strings stay strings, numbers keep their digits). */
    private static String json(JsonNode value) {
        return Json.write(Json.MAPPER.writer(), value);
    }
}
