package dev.dynctl.dynamo;

import dev.dynctl.aws.AwsErrors;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;

/**
 * A file's statements run with BatchExecuteStatement, in their order, as the items are read (or
 * when the batch is finished). A request holds at most 25 statements, and only reads or only
 * writes, as DynamoDB requires: a file that mixes them is cut where the kind changes. DynamoDB
 * answers each statement on its own: a refused statement is kept as a {@link Failure} and the
 * others still run; statements refused for throttling are sent again after an exponential
 * backoff with jitter, up to {@value #MAX_ATTEMPTS} times.
 */
public final class PartiqlBatch {
    public static final int BATCH_SIZE = 25;
    static final int MAX_ATTEMPTS = 8;
    private static final long BASE_DELAY_MS = 50;
    private static final long MAX_DELAY_MS = 5_000;
    private static final Set<String> THROTTLING = Set.of("ProvisionedThroughputExceeded", "RequestLimitExceeded", "ThrottlingError");

    /**
     * A statement DynamoDB refused: its number in the file (from 1), the statement, DynamoDB's error
     * code (BatchStatementError.Code, such as ConditionalCheckFailed) and message, and the exit code it stands for.
     */
    public record Failure(int number, PartiqlStatement statement, String code, String message, ExitCode exitCode) {
    }

    private final List<PartiqlStatement> statements;
    private final boolean consistent;
    private final Function<BatchExecuteStatementRequest, BatchExecuteStatementResponse> send;
    private final String where;
    private final List<Failure> failures = new ArrayList<>();
    private final Deque<Map<String, AttributeValue>> found = new ArrayDeque<>();
    private int sent;
    private int answered;
    private int requests;

    PartiqlBatch(List<PartiqlStatement> statements, boolean consistent,
                 Function<BatchExecuteStatementRequest, BatchExecuteStatementResponse> send, String where) {
        this.statements = List.copyOf(statements);
        this.consistent = consistent;
        this.send = send;
        this.where = where;
    }

    /** True when some statement returns items (a SELECT, or a write with RETURNING). */
    public boolean returnsItems() {
        return statements.stream().anyMatch(PartiqlStatement::returnsItems);
    }

    /** The items the statements return, in statement order; statements run as the items are read. */
    public Iterator<Map<String, AttributeValue>> items() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                while (found.isEmpty() && sent < statements.size()) {
                    runNextRequest();
                }
                return !found.isEmpty();
            }

            @Override
            public Map<String, AttributeValue> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return found.poll();
            }
        };
    }

    /** Runs every statement not yet run (also when the output stopped reading early); items not yet read are dropped. */
    public void finish() {
        while (sent < statements.size()) {
            runNextRequest();
            found.clear();
        }
        found.clear();
    }

    public int statements() {
        return statements.size();
    }

    public int requests() {
        return requests;
    }

    /** The refused statements so far, in file order. */
    public List<Failure> failures() {
        return failures.stream().sorted(Comparator.comparingInt(Failure::number)).toList();
    }

    /** 4 when a statement failed a condition (or its INSERT found the key taken), else the first failure's code. */
    public ExitCode exitCode() {
        List<Failure> sorted = failures();
        if (sorted.isEmpty()) {
            return ExitCode.OK;
        }
        return sorted.stream().anyMatch(f -> f.exitCode() == ExitCode.CONDITION_FAILED) ? ExitCode.CONDITION_FAILED : sorted.get(0).exitCode();
    }

    /** The exit code that a statement's error code stands for. */
    static ExitCode exitCode(String code) {
        return switch (code) {
            case "ConditionalCheckFailed", "DuplicateItem", "TransactionConflict" -> ExitCode.CONDITION_FAILED;
            case "ValidationError" -> ExitCode.USAGE;
            case "ResourceNotFound" -> ExitCode.NOT_FOUND;
            case "ProvisionedThroughputExceeded", "RequestLimitExceeded", "ThrottlingError" -> ExitCode.THROTTLED;
            case "AccessDenied" -> ExitCode.CREDENTIALS;
            default -> ExitCode.FAILURE;
        };
    }

    /** Sends the next run of statements of one kind (reads or writes), at most 25, and what throttling handed back. */
    private void runNextRequest() {
        int from = sent;
        boolean reads = statements.get(from).isRead();
        int to = from;
        while (to < statements.size() && to - from < BATCH_SIZE && statements.get(to).isRead() == reads) {
            to++;
        }
        List<Integer> pending = new ArrayList<>();
        for (int i = from; i < to; i++) {
            pending.add(i);
        }
        sent = to;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<BatchStatementResponse> responses = request(pending);
            List<Integer> throttled = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                int index = pending.get(i);
                BatchStatementResponse response = responses.get(i);
                if (response.error() == null) {
                    answered++;
                    if (response.hasItem() && !response.item().isEmpty()) {
                        found.add(response.item());
                    }
                    continue;
                }
                String code = String.valueOf(response.error().codeAsString());
                if (THROTTLING.contains(code) && attempt < MAX_ATTEMPTS) {
                    throttled.add(index);
                    continue;
                }
                answered++;
                failures.add(new Failure(index + 1, statements.get(index), code, response.error().message(), exitCode(code)));
            }
            if (!throttled.isEmpty()) {
                backOff(attempt);
            }
            pending = throttled;
        }
    }

    private List<BatchStatementResponse> request(List<Integer> indexes) {
        List<BatchStatementRequest> batch = indexes.stream().map(statements::get).map(this::request).toList();
        BatchExecuteStatementResponse response;
        try {
            requests++;
            response = send.apply(BatchExecuteStatementRequest.builder().statements(batch).build());
        } catch (DynctlException | SdkException e) {
            DynctlException cause = e instanceof DynctlException d ? d : AwsErrors.translate((SdkException) e, where);
            String first = String.valueOf(indexes.get(0) + 1);
            String last = String.valueOf(indexes.get(indexes.size() - 1) + 1);
            String which = indexes.size() == 1 ? "Statement " + first : "The request with statements " + first + "-" + last;
            String done = answered + " of " + statements.size() + " statements had been answered before it; the rest did not run.";
            throw new DynctlException(cause.exitCode(), which + " failed: " + cause.getMessage(),
                    cause.hint() == null ? done : done + " " + cause.hint(), e);
        }
        if (response.responses().size() != batch.size()) {
            throw new DynctlException(ExitCode.FAILURE, "DynamoDB answered " + response.responses().size() + " of "
                    + batch.size() + " statements in one request, at " + where + ".");
        }
        return response.responses();
    }

    private BatchStatementRequest request(PartiqlStatement statement) {
        return BatchStatementRequest.builder()
                .statement(statement.text())
                .parameters(statement.parameters().isEmpty() ? null : statement.parameters())
                .consistentRead(consistent && statement.isRead() ? Boolean.TRUE : null)
                .build();
    }

    private static void backOff(int attempt) {
        long ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS << Math.min(attempt - 1, 20));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DynctlException(ExitCode.INTERRUPTED, "Interrupted.");
        }
    }
}
