package dev.dynctl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * A loopback HTTP proxy in front of a DynamoDB endpoint (moto, the local engine) that answers a
 * share of the requests with the failures DynamoDB has under load, so that retry paths can be
 * tested against a real engine.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.to(MotoServer.get().endpoint())
 *         .share(0.2)                                  // one request in five gets a fault
 *         .seed(7)                                     // the same decisions on every run
 *         .faults(Fault.SERVER_ERROR, Fault.THROTTLING, Fault.UNPROCESSED_ITEMS)
 *         .only("BatchWriteItem")                      // optional: faults for these operations only
 *         .start()) {
 *     cli().run("item", "scan", "t", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1");
 *     assertThat(proxy.injected(Fault.UNPROCESSED_ITEMS)).isPositive();
 * }
 * }</pre>
 *
 * <p>Which faults a request may get: all of {@link #faults} that apply to its operation
 * ({@link Fault#UNPROCESSED_ITEMS} applies to BatchWriteItem only); a request picked for a fault
 * whose operation has none is forwarded untouched and not counted. Operations are matched on the
 * X-Amz-Target header, as {@code DynamoDB_20120810.BatchWriteItem} or just {@code BatchWriteItem}.
 *
 * <p>Decisions come from one {@link Random} with the given seed, so a run that sends the same
 * requests in the same order gets the same faults; concurrent requests take their turns in
 * arrival order. Requests are forwarded as they came (the SDK's signature covers the proxy's
 * host, and a rewritten body no longer matches it: fine for moto and the local engine, which do
 * not check signatures). Responses the proxy writes or rewrites carry a fresh x-amz-crc32, which
 * the SDK checks.
 */
public final class FaultProxy implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/x-amz-json-1.0";
    private static final String ERROR_PREFIX = "com.amazonaws.dynamodb.v20120810#";
    /** Headers java.net.http sets itself and refuses to be given, and hop-by-hop ones. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive");

    /** What the proxy answers instead of the engine. */
    public enum Fault {
        /** HTTP 500 InternalServerError, as DynamoDB answers when it fails; the SDK retries it. */
        SERVER_ERROR,
        /** HTTP 400 ThrottlingException (control-plane rate); the SDK retries it with backoff. */
        THROTTLING,
        /** HTTP 400 ProvisionedThroughputExceededException; the SDK retries it with backoff. */
        THROUGHPUT_EXCEEDED,
        /**
         * BatchWriteItem only: forwards a random part of the writes (possibly none, never all) and
         * answers HTTP 200 with the rest as UnprocessedItems, which the caller must send again. At
         * share 1 a batch of one write never goes through: keep the share below 1 for retry loops.
         */
        UNPROCESSED_ITEMS
    }

    private final URI target;
    private final double share;
    private final List<Fault> faults;
    private final Set<String> operations;
    private final Random random;
    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client;
    private final Map<Fault, AtomicLong> injected = new EnumMap<>(Fault.class);
    private final AtomicLong requests = new AtomicLong();

    private FaultProxy(Builder builder) throws IOException {
        this.target = builder.target;
        this.share = builder.share;
        this.faults = List.copyOf(builder.faults);
        this.operations = Set.copyOf(builder.operations);
        this.random = new Random(builder.seed);
        for (Fault fault : Fault.values()) {
            injected.put(fault, new AtomicLong());
        }
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.executor = Executors.newFixedThreadPool(32, runnable -> {
            Thread thread = new Thread(runnable, "fault-proxy");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts configuring a proxy to this endpoint, e.g. {@code MotoServer.get().endpoint()}. */
    public static Builder to(URI target) {
        return new Builder(target);
    }

    /** Where clients send their requests instead of the target: {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many times this fault was answered. */
    public long injected(Fault fault) {
        return injected.get(fault).get();
    }

    /** How many faults were answered, of every kind. */
    public long injectedTotal() {
        return injected.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Requests received, faulty or not. */
    public long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String operation = operation(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            Fault fault = choose(operation);
            if (fault == null) {
                relay(exchange, forward(exchange, body));
                return;
            }
            injected.get(fault).incrementAndGet();
            switch (fault) {
                case SERVER_ERROR -> answer(exchange, 500, error("InternalServerError", "Internal server error (injected)"));
                case THROTTLING -> answer(exchange, 400, error("ThrottlingException", "Rate of requests exceeds the allowed throughput (injected)."));
                case THROUGHPUT_EXCEEDED -> answer(exchange, 400, error("ProvisionedThroughputExceededException",
                        "The level of configured provisioned throughput for the table was exceeded (injected)."));
                case UNPROCESSED_ITEMS -> partialBatchWrite(exchange, body);
            }
        }
    }

    /** "BatchWriteItem" from "DynamoDB_20120810.BatchWriteItem"; "" without the header. */
    private static String operation(String target) {
        if (target == null) {
            return "";
        }
        return target.substring(target.lastIndexOf('.') + 1);
    }

    /** The fault for this request, or null to forward it. */
    private Fault choose(String operation) {
        if (!operations.isEmpty() && !operations.contains(operation)) {
            return null;
        }
        List<Fault> applicable = faults.stream()
                .filter(f -> f != Fault.UNPROCESSED_ITEMS || operation.equals("BatchWriteItem"))
                .toList();
        synchronized (random) {
            if (random.nextDouble() >= share || applicable.isEmpty()) {
                return null;
            }
            return applicable.get(random.nextInt(applicable.size()));
        }
    }

    private int nextInt(int bound) {
        synchronized (random) {
            return random.nextInt(bound);
        }
    }

    /**
     * Sends on a random prefix of each table's writes (fewer than all of them) and answers with the
     * rest added to what the engine itself left unprocessed.
     */
    private void partialBatchWrite(HttpExchange exchange, byte[] body) throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(body);
        ObjectNode requestItems = (ObjectNode) request.path("RequestItems");
        int total = 0;
        for (JsonNode writes : requestItems) {
            total += writes.size();
        }
        int keep = total == 0 ? 0 : nextInt(total);
        ObjectNode kept = JSON.createObjectNode();
        ObjectNode withheld = JSON.createObjectNode();
        int left = keep;
        for (Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields(); tables.hasNext(); ) {
            Map.Entry<String, JsonNode> table = tables.next();
            for (JsonNode write : table.getValue()) {
                ObjectNode side = left-- > 0 ? kept : withheld;
                ((ArrayNode) side.withArray(table.getKey())).add(write);
            }
        }
        ObjectNode response;
        if (keep == 0) {
            response = JSON.createObjectNode();
        } else {
            request.set("RequestItems", kept);
            HttpResponse<byte[]> forwarded = forward(exchange, JSON.writeValueAsBytes(request));
            if (forwarded.statusCode() != 200) {
                relay(exchange, forwarded);
                return;
            }
            response = (ObjectNode) JSON.readTree(forwarded.body());
        }
        ObjectNode unprocessed = response.has("UnprocessedItems") ? (ObjectNode) response.get("UnprocessedItems") : JSON.createObjectNode();
        withheld.fields().forEachRemaining(table -> {
            ArrayNode writes = unprocessed.withArray(table.getKey());
            table.getValue().forEach(writes::add);
        });
        response.set("UnprocessedItems", unprocessed);
        answer(exchange, 200, JSON.writeValueAsBytes(response));
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofSeconds(60));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding", e);
        }
    }

    /** Passes the engine's answer back as it was. */
    private static void relay(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, new ArrayList<>(values));
            }
        });
        send(exchange, response.statusCode(), response.body());
    }

    /** An answer of the proxy's own, with DynamoDB's content type and checksum. */
    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", "fault-proxy-" + System.nanoTime());
        CRC32 crc = new CRC32();
        crc.update(body);
        exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
        send(exchange, status, body);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** An error body as DynamoDB writes it: the SDK reads the code from __type. */
    private static byte[] error(String code, String message) {
        ObjectNode node = JSON.createObjectNode().put("__type", ERROR_PREFIX + code).put("message", message);
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How a proxy behaves; {@link #start} opens it. */
    public static final class Builder {
        private final URI target;
        private double share = 0.2;
        private long seed = 1;
        private List<Fault> faults = List.of(Fault.values());
        private Set<String> operations = Set.of();

        private Builder(URI target) {
            this.target = target;
        }

        /** The share of requests that get a fault, from 0 (none) to 1 (all); 0.2 unless set. */
        public Builder share(double share) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("share must be between 0 and 1: " + share);
            }
            this.share = share;
            return this;
        }

        /** The seed of the decisions; 1 unless set. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The faults to pick from, each equally likely; all of them unless set. */
        public Builder faults(Fault... faults) {
            if (faults.length == 0) {
                throw new IllegalArgumentException("name at least one fault");
            }
            this.faults = List.of(faults);
            return this;
        }

        /**
         * Faults only for these operations ("BatchWriteItem", or "DynamoDB_20120810.BatchWriteItem");
         * every other request is forwarded untouched. Every operation unless set.
         */
        public Builder only(String... operations) {
            this.operations = Set.of(Arrays.stream(operations).map(FaultProxy::operation).toArray(String[]::new));
            return this;
        }

        /** Opens the proxy on a free loopback port. */
        public FaultProxy start() {
            try {
                return new FaultProxy(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the fault proxy", e);
            }
        }
    }
}
