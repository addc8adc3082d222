package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A transaction DynamoDB cancelled (exit 4): nothing was written, and each operation has a
 * reason, which the command prints before the error.
 */
public final class TransactionCancelled extends DynctlException {
    /**
     * Why one operation was cancelled.
     *
     * @param code DynamoDB's code: None (it was fine; the others cancelled it), ConditionalCheckFailed,
     *             TransactionConflict, ValidationError, ...
     * @param item the item as it is, when its condition failed (empty otherwise)
     */
    public record Reason(TransactionOperation operation, String code, String message, Map<String, AttributeValue> item) {
        public boolean failed() {
            return !"None".equals(code);
        }
    }

    private final List<Reason> reasons;

    TransactionCancelled(String message, String hint, List<Reason> reasons, Throwable cause) {
        super(ExitCode.CONDITION_FAILED, message, hint, cause);
        this.reasons = reasons;
    }

    /** One per operation, in the file's order. */
    public List<Reason> reasons() {
        return reasons;
    }
}
