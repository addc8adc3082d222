package dev.dynctl.dynamo;

import dev.dynctl.aws.AwsErrors;
import dev.dynctl.aws.Clients;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * PartiQL: one statement with ExecuteStatement, its items streamed page after page (the SDK has
 * no paginator for it, so NextToken is followed here), or a file's statements with
 * BatchExecuteStatement ({@link PartiqlBatch}).
 */
public final class PartiqlService {
    /** How one SELECT reads: consistently or not, how many items in all, how many evaluated per request. */
    public record Reading(boolean consistent, Integer limit, Integer pageSize) {
        boolean isDefault() {
            return !consistent && limit == null && pageSize == null;
        }
    }

    private final Clients clients;

    public PartiqlService(Clients clients) {
        this.clients = clients;
    }

    /**
     * Runs one statement. The first request is sent now, so that a failing statement fails here,
     * explained; the items a SELECT (or a write with RETURNING) finds follow page by page as they
     * are read, and reading stops at the limit.
     */
    public ItemStream execute(PartiqlStatement statement, Reading reading) {
        if (!statement.isRead() && !reading.isDefault()) {
            throw DynctlException.usage("--consistent, --limit and --page-size are for SELECT; this is " + statement.verb() + ".");
        }
        positive("--limit", reading.limit());
        positive("--page-size", reading.pageSize());
        ExecuteStatementRequest first = ExecuteStatementRequest.builder()
                .statement(statement.text())
                .parameters(statement.parameters().isEmpty() ? null : statement.parameters())
                .consistentRead(reading.consistent() ? Boolean.TRUE : null)
                .limit(requestLimit(reading))
                .build();
        Pages pages = new Pages(statement, first);
        pages.hasNext();
        List<String> columns = statement.returnsItems() ? keyColumns(statement) : List.of();
        return ItemStream.start(() -> pages, columns, reading.limit(), () -> { });
    }

    /** The statements of a file, run 25 at a time as the returned batch is read or finished. */
    public PartiqlBatch batch(List<PartiqlStatement> statements, boolean consistent) {
        return new PartiqlBatch(statements, consistent, this::send, clients.where());
    }

    /** The key columns the items lead with, when the statement reads one table (and, maybe, an index). */
    public List<String> keyColumns(List<PartiqlStatement> statements) {
        List<PartiqlStatement> reads = statements.stream().filter(PartiqlStatement::returnsItems).toList();
        boolean oneSource = !reads.isEmpty() && reads.stream().allMatch(s -> s.table().isPresent()
                && s.table().equals(reads.get(0).table()) && s.index().equals(reads.get(0).index()));
        return oneSource ? keyColumns(reads.get(0)) : List.of();
    }

    private List<String> keyColumns(PartiqlStatement statement) {
        if (statement.table().isEmpty()) {
            return List.of();
        }
        try {
            KeySchema table = KeySchemas.lookup(clients, statement.table().get()).apply(schema -> schema);
            return statement.index().isEmpty() ? table.names() : table.index(statement.index().get()).leadingColumns(table);
        } catch (DynctlException | SdkException e) {
            // the columns are a nicety: without DescribeTable (an IAM policy for PartiQL only) items print as they come
            return List.of();
        }
    }

    /** The request's Limit: the page size, but no more than the items wanted in all. */
    private static Integer requestLimit(Reading reading) {
        if (reading.pageSize() == null) {
            return reading.limit();
        }
        return reading.limit() == null ? reading.pageSize() : Math.min(reading.pageSize(), reading.limit());
    }

    private static void positive(String option, Integer value) {
        if (value != null && value < 1) {
            throw DynctlException.usage(option + " must be at least 1, not " + value + ".");
        }
    }

    private ExecuteStatementResponse execute(PartiqlStatement statement, ExecuteStatementRequest request) {
        try {
            return clients.dynamo().executeStatement(request);
        } catch (ResourceNotFoundException e) {
            throw missing(statement, e);
        } catch (DuplicateItemException e) {
            throw new DynctlException(ExitCode.CONDITION_FAILED, "An item with the same key is already in table "
                    + statement.table().orElse("?") + ": INSERT never replaces one.",
                    "Change it with UPDATE, or replace it with 'dynctl item put'.", e);
        } catch (ConditionalCheckFailedException e) {
            throw new DynctlException(ExitCode.CONDITION_FAILED, "Condition failed: " + message(e),
                    statement.verb().equals("UPDATE") ? "UPDATE changes an item that exists and matches every condition of its WHERE clause."
                            : "The item exists but does not match every condition of the WHERE clause.", e);
        } catch (DynamoDbException e) {
            throw unexplained(e).orElseThrow(() -> e);
        }
    }

    /**
     * What a "resource not found" means: a missing table throws the not-found error with the near
     * names, a missing index the usage error with the indexes there are. When both exist the
     * engine's own error is returned, to be thrown as it is.
     */
    private RuntimeException missing(PartiqlStatement statement, ResourceNotFoundException e) {
        if (statement.table().isEmpty()) {
            return e;
        }
        String table = statement.table().get();
        KeySchemas.forget(clients, table);
        KeySchema schema = KeySchemas.lookup(clients, table).apply(s -> s);
        statement.index().ifPresent(schema::index);
        return e;
    }

    private BatchExecuteStatementResponse send(BatchExecuteStatementRequest request) {
        try {
            return clients.dynamo().batchExecuteStatement(request);
        } catch (DynamoDbException e) {
            throw unexplained(e).orElseThrow(() -> e);
        }
    }

    /**
     * An HTTP 500 without an error code: the engine broke on the statement rather than refused it.
     * moto (the local engine) does so on the parts of PartiQL it does not run.
     */
    private Optional<DynctlException> unexplained(DynamoDbException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        boolean noCode = details == null || details.errorCode() == null || details.errorCode().isEmpty();
        if (!noCode || e.statusCode() < 500) {
            return Optional.empty();
        }
        DynctlException translated = AwsErrors.translate(e, clients.where());
        return Optional.of(new DynctlException(translated.exitCode(), translated.getMessage(),
                "If it is moto (as the local engine is), it runs only part of PartiQL: see 'PartiQL' under 'Where moto differs from DynamoDB' in docs/local-engine.md.", e));
    }

    private static String message(DynamoDbException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        return details == null || details.errorMessage() == null ? String.valueOf(e.getMessage()) : details.errorMessage();
    }

    /** A statement's items, one response page at a time: the next page is asked for when the last is used up. */
    private final class Pages implements Iterator<Map<String, AttributeValue>> {
        private final PartiqlStatement statement;
        private ExecuteStatementRequest next;
        private Iterator<Map<String, AttributeValue>> page = Collections.emptyIterator();

        Pages(PartiqlStatement statement, ExecuteStatementRequest first) {
            this.statement = statement;
            this.next = first;
        }

        @Override
        public boolean hasNext() {
            while (!page.hasNext() && next != null) {
                ExecuteStatementResponse response = execute(statement, next);
                page = response.items().iterator();
                String token = response.nextToken();
                next = token == null || token.isEmpty() ? null : next.toBuilder().nextToken(token).build();
            }
            return page.hasNext();
        }

        @Override
        public Map<String, AttributeValue> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.next();
        }
    }
}
