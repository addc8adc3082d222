package dev.dynctl.aws;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * The shell's timing: counts the requests of a statement that is timed (its {@link RequestScope}
 * holds a {@link Reading}), by operation, and adds up the capacity they consumed, by table.
 * Requests that can report their consumed capacity are asked to (ReturnConsumedCapacity=TOTAL,
 * unless the command chose already) when the meter asks and the statement is timed: otherwise
 * requests go out as the commands made them.
 */
public final class RequestMeter implements ExecutionInterceptor {
    private static final String RETURN_CONSUMED_CAPACITY = "ReturnConsumedCapacity";
    private static final String CONSUMED_CAPACITY = "ConsumedCapacity";
    private static final Set<String> READS = Set.of("GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems");

    /** Capacity units one table consumed, read and write. */
    public record Capacity(double read, double write) {
        Capacity plus(Capacity other) {
            return new Capacity(read + other.read, write + other.write);
        }
    }

    private final boolean asksForCapacity;

    /**
     * @param asksForCapacity false to count what the requests report without changing them (explain
     *     shows requests as the statement makes them)
     */
    public RequestMeter(boolean asksForCapacity) {
        this.asksForCapacity = asksForCapacity;
    }

    private static Reading reading(ExecutionAttributes attributes) {
        RequestScope scope = RequestScope.of(attributes);
        return scope == null ? null : scope.reading();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (!asksForCapacity || reading(attributes) == null) {
            return request;
        }
        Optional<SdkField<?>> field = request.sdkFields().stream().filter(f -> f.memberName().equals(RETURN_CONSUMED_CAPACITY)).findFirst();
        if (field.isEmpty() || field.get().getValueOrDefault(request) != null) {
            return request;
        }
        var builder = request.toBuilder();
        field.get().set(builder, ReturnConsumedCapacity.TOTAL.toString());
        return builder.build();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Reading current = reading(attributes);
        if (current != null) {
            current.sent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Reading current = reading(attributes);
        SdkRequest request = context.request();
        Optional<Object> asked = request.getValueForField(RETURN_CONSUMED_CAPACITY, Object.class);
        if (current == null || asked.isEmpty() || asked.get().toString().equals(ReturnConsumedCapacity.NONE.toString())) {
            return;
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Optional<Object> consumed = context.response().getValueForField(CONSUMED_CAPACITY, Object.class);
        List<?> capacities = consumed.map(c -> c instanceof Collection<?> list ? List.copyOf(list) : List.of(c)).orElse(List.of());
        if (capacities.isEmpty()) {
            current.unreported(operation);
        }
        boolean reads = reads(operation, request);
        for (Object capacity : capacities) {
            if (capacity instanceof ConsumedCapacity table && table.tableName() != null) {
                current.consumed(table.tableName(), capacity(table, reads));
            }
        }
    }

    /**
     * The capacity as the answer splits it; an answer with only the total (as for TOTAL) is split
     * by what the operation does. A PartiQL batch or transaction is all reads or all writes.
     */
    private static Capacity capacity(ConsumedCapacity consumed, boolean reads) {
        if (consumed.readCapacityUnits() != null || consumed.writeCapacityUnits() != null) {
            return new Capacity(orZero(consumed.readCapacityUnits()), orZero(consumed.writeCapacityUnits()));
        }
        double total = orZero(consumed.capacityUnits());
        return reads ? new Capacity(total, 0) : new Capacity(0, total);
    }

    private static boolean reads(String operation, SdkRequest request) {
        if (request instanceof ExecuteStatementRequest statement) {
            return isSelect(statement.statement());
        }
        if (request instanceof BatchExecuteStatementRequest batch) {
            return !batch.statements().isEmpty() && isSelect(batch.statements().get(0).statement());
        }
        if (request instanceof ExecuteTransactionRequest transaction) {
            return !transaction.transactStatements().isEmpty() && isSelect(transaction.transactStatements().get(0).statement());
        }
        return READS.contains(operation);
    }

    private static boolean isSelect(String statement) {
        return statement != null && statement.stripLeading().toUpperCase(Locale.ROOT).startsWith("SELECT");
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    /** What the requests of one statement sent and consumed. */
    public static final class Reading {
        private final Map<String, Integer> requests = new LinkedHashMap<>();
        private final Map<String, Capacity> capacity = new LinkedHashMap<>();
        private final Set<String> unreported = new LinkedHashSet<>();

        private synchronized void sent(String operation) {
            requests.merge(operation, 1, Integer::sum);
        }

        private synchronized void consumed(String table, Capacity units) {
            capacity.merge(table, units, Capacity::plus);
        }

        private synchronized void unreported(String operation) {
            unreported.add(operation);
        }

        /** Requests sent, by operation, in the order each operation was first sent. */
        public synchronized Map<String, Integer> requests() {
            return new LinkedHashMap<>(requests);
        }

        /** Capacity consumed, by table, in the order each table first reported. */
        public synchronized Map<String, Capacity> capacity() {
            return new LinkedHashMap<>(capacity);
        }

        /** Operations that were asked for their consumed capacity and answered without it. */
        public synchronized Set<String> unreported() {
            return new LinkedHashSet<>(unreported);
        }
    }
}
