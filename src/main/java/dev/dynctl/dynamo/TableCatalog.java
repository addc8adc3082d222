package dev.dynctl.dynamo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The names a person may want next while typing against one target: its tables, and a table's
 * indexes, key attributes and attribute names (from DescribeTable and a Scan of a few items).
 *
 * <p>These are suggestions, so a lookup never fails and never makes its caller wait long: it runs
 * in the background, the caller waits for it at most {@code patience}, and what fails or is late
 * is no names (a late lookup goes on and answers the next call). Answers are kept for
 * {@code fresh}, so that tables created or items written a moment ago show up soon.
 */
public final class TableCatalog implements AutoCloseable {
    /** Items read to learn attribute names that only items have. */
    static final int SAMPLE = 20;
    /** More tables than a list of suggestions can show. */
    private static final int MOST_TABLES = 1000;
    /** Ends a request the caller has long stopped waiting for, so background lookups do not pile up. */
    private static final AwsRequestOverrideConfiguration BOUNDED = AwsRequestOverrideConfiguration.builder()
            .apiCallTimeout(Duration.ofSeconds(10)).build();

    private final Supplier<DynamoDbClient> client;
    private final long freshNanos;
    private final long patienceNanos;
    /** Daemon threads that end soon after their last lookup, so that a catalog nobody closes holds none for long. */
    private final ExecutorService lookups = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS, new SynchronousQueue<>(),
            runnable -> {
                Thread thread = new Thread(runnable, "dynctl-table-catalog");
                thread.setDaemon(true);
                return thread;
            });
    private final Map<String, Lookup<?>> answers = new ConcurrentHashMap<>();

    /**
     * @param client the target's client, asked for on first use (building one may itself be slow)
     * @param fresh how long an answer is kept
     * @param patience how long a call waits for a lookup that has not answered yet
     */
    public TableCatalog(Supplier<DynamoDbClient> client, Duration fresh, Duration patience) {
        this.client = client;
        this.freshNanos = fresh.toNanos();
        this.patienceNanos = patience.toNanos();
    }

    /** The target's table names, in order; empty when they cannot be read in time. */
    public List<String> tables() {
        return await(tableNames(), System.nanoTime() + patienceNanos).orElse(List.of());
    }

    /** Starts reading the table names, so that the first call for them (and for a client) need not wait as long. */
    public void prefetch() {
        tableNames();
    }

    private CompletableFuture<List<String>> tableNames() {
        return lookup("tables", () -> client.get().listTablesPaginator(request -> request.overrideConfiguration(BOUNDED))
                .tableNames().stream().limit(MOST_TABLES).toList());
    }

    /** The table's global and local secondary index names. */
    public List<String> indexes(String table) {
        return description(table).map(TableCatalog::indexNames).orElse(List.of());
    }

    /** The key attribute names of the table ({@code index} null) or of one of its indexes: partition key first. */
    public List<String> keyAttributes(String table, String index) {
        return description(table).map(description -> keyNames(description, index)).orElse(List.of());
    }

    /**
     * The table's attribute names: its and its indexes' keys first, then the names seen in a few
     * of its items, sorted.
     */
    public List<String> attributes(String table) {
        long deadline = System.nanoTime() + patienceNanos;
        CompletableFuture<TableDescription> description = describe(table);
        CompletableFuture<Set<String>> sample = lookup("sample:" + table, () -> sampledNames(table));
        Set<String> names = new LinkedHashSet<>();
        await(description, deadline).ifPresent(found -> found.attributeDefinitions().stream()
                .map(AttributeDefinition::attributeName).forEach(names::add));
        await(sample, deadline).ifPresent(names::addAll);
        return List.copyOf(names);
    }

    private Optional<TableDescription> description(String table) {
        return await(describe(table), System.nanoTime() + patienceNanos);
    }

    private CompletableFuture<TableDescription> describe(String table) {
        return lookup("describe:" + table, () -> client.get()
                .describeTable(request -> request.tableName(table).overrideConfiguration(BOUNDED)).table());
    }

    private Set<String> sampledNames(String table) {
        Set<String> names = new TreeSet<>();
        client.get().scan(request -> request.tableName(table).limit(SAMPLE).overrideConfiguration(BOUNDED))
                .items().forEach(item -> names.addAll(item.keySet()));
        return names;
    }

    private static List<String> indexNames(TableDescription description) {
        List<String> names = new ArrayList<>();
        description.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName).forEach(names::add);
        description.localSecondaryIndexes().stream().map(LocalSecondaryIndexDescription::indexName).forEach(names::add);
        return names;
    }

    private static List<String> keyNames(TableDescription description, String index) {
        if (index == null) {
            return names(description.keySchema());
        }
        return description.globalSecondaryIndexes().stream().filter(gsi -> gsi.indexName().equals(index))
                .map(gsi -> names(gsi.keySchema())).findFirst()
                .or(() -> description.localSecondaryIndexes().stream().filter(lsi -> lsi.indexName().equals(index))
                        .map(lsi -> names(lsi.keySchema())).findFirst())
                .orElse(List.of());
    }

    private static List<String> names(Collection<KeySchemaElement> keySchema) {
        // HASH before RANGE, whatever order the engine lists them in
        return keySchema.stream().sorted((a, b) -> a.keyTypeAsString().compareTo(b.keyTypeAsString()))
                .map(KeySchemaElement::attributeName).toList();
    }

    /** The answer under {@code key}: the kept one while it is fresh or still coming, else a new lookup. */
    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> lookup(String key, Supplier<T> read) {
        long now = System.nanoTime();
        Lookup<?> kept = answers.compute(key, (name, old) -> old != null && !old.stale(now, freshNanos) ? old
                : new Lookup<>(CompletableFuture.supplyAsync(read, lookups), now));
        return (CompletableFuture<T>) kept.answer();
    }

    private static <T> Optional<T> await(CompletableFuture<T> answer, long deadline) {
        try {
            return Optional.ofNullable(answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        lookups.shutdownNow();
    }

    /** A lookup and when it started. */
    private record Lookup<T>(CompletableFuture<T> answer, long started) {
        /** A failed lookup is tried again at once; an answer is kept while fresh; a running lookup is waited for. */
        boolean stale(long now, long freshNanos) {
            if (!answer.isDone()) {
                return false;
            }
            return answer.isCompletedExceptionally() || now - started > freshNanos;
        }
    }
}
