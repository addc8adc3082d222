package dev.dynctl.dynamo;

import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import dev.dynctl.dynamo.expression.Condition;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A write whose --if did not hold (exit 4): which item of which table, the condition, and the
 * item as it is now (DynamoDB returns it with ReturnValuesOnConditionCheckFailure=ALL_OLD) or
 * that there is none.
 */
final class ConditionFailure {
    /** Enough of an item to recognise it; items can be 400 KB. */
    private static final int SHOWN = 300;

    private ConditionFailure() {
    }

    static DynctlException of(String table, KeySchema schema, Map<String, AttributeValue> key, Condition condition,
                              ConditionalCheckFailedException e) {
        List<String> hints = new ArrayList<>();
        if (e.hasItem() && !e.item().isEmpty()) {
            String json = Json.write(Json.MAPPER.writer(), AttributeCodec.toJson(ItemService.keysFirst(schema, e.item())));
            hints.add("The item now: " + (json.length() <= SHOWN ? json : json.substring(0, SHOWN) + "…"));
        } else {
            hints.add("There is no item " + KeyText.of(key) + " in " + table + ".");
        }
        condition.quotingHint().ifPresent(hints::add);
        return new DynctlException(ExitCode.CONDITION_FAILED, "Condition not met on item " + KeyText.of(key) + " in table "
                + table + ": " + condition.text() + ". The item was left as it was.", String.join(" ", hints), e);
    }
}
