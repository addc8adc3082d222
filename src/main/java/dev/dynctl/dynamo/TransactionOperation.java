package dev.dynctl.dynamo;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * One operation of a transaction, ready to send, with what messages say about it.
 *
 * @param number its place in the file, from 1 (DynamoDB's cancellation reasons come in this order)
 * @param kind put, update, delete or check
 * @param key the key of the item it touches
 * @param condition the condition as the user wrote it, or null
 * @param conditionHint what may be wrong with the condition when it fails ({@code status = active} compares two attributes), or null
 * @param at where it starts: "ops.yaml line 7, column 3"
 */
public record TransactionOperation(int number, String kind, String table, Map<String, AttributeValue> key, String condition,
                                   String conditionHint, String at, TransactWriteItem request) {

    /** True when a failed condition hands back the item as it is (ReturnValuesOnConditionCheckFailure ALL_OLD). */
    public boolean returnsItemOnFailure() {
        ReturnValuesOnConditionCheckFailure returned = request.put() != null ? request.put().returnValuesOnConditionCheckFailure()
                : request.update() != null ? request.update().returnValuesOnConditionCheckFailure()
                : request.delete() != null ? request.delete().returnValuesOnConditionCheckFailure()
                : request.conditionCheck().returnValuesOnConditionCheckFailure();
        return returned == ReturnValuesOnConditionCheckFailure.ALL_OLD;
    }

    /** "update users id=u2". */
    public String describe() {
        return kind + " " + table + " " + KeyText.of(key);
    }
}
