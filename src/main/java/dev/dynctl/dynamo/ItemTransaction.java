package dev.dynctl.dynamo;

import dev.dynctl.aws.Clients;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.ProjectFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/**
 * {@code item transact}: up to 100 puts, updates, deletes and condition checks on any tables,
 * written all together or not at all with TransactWriteItems. The file is read and checked whole
 * before anything is sent ({@link TransactionReader}); a cancelled transaction says why each
 * operation was cancelled ({@link TransactionCancelled}).
 */
public final class ItemTransaction {
    /** ClientRequestToken is 1 to 36 characters. */
    public static final int MAX_TOKEN_LENGTH = 36;

    /** The operations written. */
    public record Result(List<TransactionOperation> operations) {
        /** "1 put, 2 updates, 1 check", in the order the kinds first appear. */
        public String counts() {
            Map<String, Long> byKind = operations.stream().collect(Collectors.groupingBy(TransactionOperation::kind,
                    LinkedHashMap::new, Collectors.counting()));
            return byKind.entrySet().stream().map(e -> ItemBatchService.plural(e.getValue(), e.getKey())).collect(Collectors.joining(", "));
        }

        /** The tables written, in the order they first appear. */
        public Set<String> tables() {
            return operations.stream().map(TransactionOperation::table).collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    private final Clients clients;
    private final ProjectFile project;

    /** @param project the schemas puts and updates follow (ProjectFile.empty() for none) */
    public ItemTransaction(Clients clients, ProjectFile project) {
        this.clients = clients;
        this.project = project;
    }

    /**
     * Reads every operation, then writes them in one transaction.
     *
     * @param token the idempotency token (ClientRequestToken), or null for one the SDK makes per call
     */
    public Result run(ValueReader values, String token) {
        Instant now = Instant.now();
        if (token != null && (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH)) {
            throw DynctlException.usage("--token must be 1 to " + MAX_TOKEN_LENGTH + " characters, not " + token.length() + ".",
                    "A UUID fits: --token \"$(uuidgen)\".");
        }
        List<TransactionOperation> operations = TransactionReader.read(values, table -> KeySchemas.lookup(clients, table).apply(s -> s),
                table -> TableRules.of(project, table, now));
        try {
            clients.dynamo().transactWriteItems(b -> b.clientRequestToken(token)
                    .transactItems(operations.stream().map(TransactionOperation::request).toList()));
        } catch (TransactionCanceledException e) {
            throw cancelled(operations, e);
        } catch (IdempotentParameterMismatchException e) {
            throw new DynctlException(ExitCode.USAGE, "Token '" + token + "' was used in the last 10 minutes for a transaction with "
                    + "other operations; nothing was written.", "Use a new token for new operations.", e);
        } catch (TransactionInProgressException e) {
            throw new DynctlException(ExitCode.THROTTLED, "The transaction with token '" + token + "' is still in progress.",
                    "Run the same command again in a moment: the token makes it safe.", e);
        }
        return new Result(operations);
    }

    private static TransactionCancelled cancelled(List<TransactionOperation> operations, TransactionCanceledException e) {
        List<TransactionCancelled.Reason> reasons = new ArrayList<>();
        List<CancellationReason> given = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        for (int i = 0; i < operations.size(); i++) {
            CancellationReason reason = i < given.size() ? given.get(i) : null;
            String code = reason == null || reason.code() == null ? "None" : reason.code();
            Map<String, AttributeValue> item = reason == null || !reason.hasItem() ? Map.of() : keysFirst(operations.get(i), reason.item());
            reasons.add(new TransactionCancelled.Reason(operations.get(i), code, reason == null ? null : reason.message(), item));
        }
        List<TransactionCancelled.Reason> failed = reasons.stream().filter(TransactionCancelled.Reason::failed).toList();
        if (failed.isEmpty()) {
            return new TransactionCancelled("Transaction cancelled: " + firstLine(e) + " Nothing was written.", null, reasons, e);
        }
        String which = failed.size() == 1 ? "operation " + failed.get(0).operation().number()
                : "operations " + failed.stream().map(r -> String.valueOf(r.operation().number())).collect(Collectors.joining(", "));
        Set<String> codes = failed.stream().map(TransactionCancelled.Reason::code).collect(Collectors.toCollection(LinkedHashSet::new));
        return new TransactionCancelled("Transaction cancelled by " + which + " (" + String.join(", ", codes) + "); nothing was written.",
                hint(codes), reasons, e);
    }

    private static Map<String, AttributeValue> keysFirst(TransactionOperation operation, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> ordered = new LinkedHashMap<>();
        operation.key().keySet().stream().filter(item::containsKey).forEach(name -> ordered.put(name, item.get(name)));
        ordered.putAll(item);
        return ordered;
    }

    private static String hint(Set<String> codes) {
        if (codes.contains("TransactionConflict")) {
            return "Another request changed an item at the same time; run it again.";
        }
        if (codes.contains("ConditionalCheckFailed")) {
            return "Check the items against the conditions; the transaction can run again unchanged once they hold.";
        }
        if (codes.contains("ProvisionedThroughputExceeded") || codes.contains("ThrottlingError")) {
            return "A table was throttled; run it again, or raise its capacity.";
        }
        return null;
    }

    private static String firstLine(TransactionCanceledException e) {
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        String line = String.valueOf(message).lines().findFirst().orElse("");
        return line.matches("(?s).*[.!?]") ? line : line + ".";
    }
}
