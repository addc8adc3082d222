import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The raw-SDK ceiling for bench/bulk.sh: the same SDK and HTTP client dynctl uses, with nothing of
 * dynctl around them. Run as a single-file program against dynctl's own jars:
 *
 *   java -cp 'target/dynctl/lib/*' bench/RawSdkBulk.java import ENDPOINT TABLE FILE.jsonl THREADS [url|apache]
 *   java -cp 'target/dynctl/lib/*' bench/RawSdkBulk.java scan ENDPOINT TABLE SEGMENTS [url|apache]
 *
 * Both make one DescribeTable call first, untimed, as dynctl does (it loads and warms the client).
 * import reads the whole ddb-jsonl file into memory first (untimed), then times only the writes:
 * 25-item BatchWriteItem calls from a fixed pool of THREADS, UnprocessedItems sent again at once.
 * scan times a parallel scan of SEGMENTS segments, one thread each, counting the items.
 * Prints one line: "items seconds items/s".
 * The apache client (software.amazon.awssdk:apache-client) is looked up by reflection, so the
 * program compiles without it; it must be on the class path to be chosen.
 */
public final class RawSdkBulk {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        URI endpoint = URI.create(args[1]);
        String table = args[2];
        String httpName = mode.equals("import") ? (args.length > 5 ? args[5] : "url") : (args.length > 4 ? args[4] : "url");
        int threads = Integer.parseInt(mode.equals("import") ? args[4] : args[3]);
        try (SdkHttpClient http = http(httpName, threads);
             DynamoDbClient client = DynamoDbClient.builder()
                     .httpClient(http)
                     .region(Region.US_EAST_1)
                     .endpointOverride(endpoint)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                     .build()) {
            // as dynctl does before it starts: one call that loads and initialises the client
            client.describeTable(b -> b.tableName(table));
            if (mode.equals("import")) {
                importItems(client, table, read(Path.of(args[3])), threads);
            } else {
                scan(client, table, threads);
            }
        }
    }

    /** As aws/Clients builds it for an endpoint; apache with a pool as large as the writers. */
    private static SdkHttpClient http(String name, int threads) throws Exception {
        if (name.equals("apache")) {
            Class<?> apache = Class.forName("software.amazon.awssdk.http.apache.ApacheHttpClient");
            Object builder = apache.getMethod("builder").invoke(null);
            Class<?> builderType = Class.forName("software.amazon.awssdk.http.apache.ApacheHttpClient$Builder");
            builderType.getMethod("maxConnections", Integer.class).invoke(builder, Math.max(threads, 50));
            return (SdkHttpClient) builderType.getMethod("build").invoke(builder);
        }
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60))
                .build();
    }

    private static void importItems(DynamoDbClient client, String table, List<Map<String, AttributeValue>> items, int threads)
            throws Exception {
        List<List<WriteRequest>> batches = new ArrayList<>();
        for (int i = 0; i < items.size(); i += 25) {
            batches.add(items.subList(i, Math.min(items.size(), i + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong written = new AtomicLong();
        long began = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (List<WriteRequest> batch : batches) {
            done.add(pool.submit(() -> {
                List<WriteRequest> pending = batch;
                while (!pending.isEmpty()) {
                    BatchWriteItemResponse response = client.batchWriteItem(
                            BatchWriteItemRequest.builder().requestItems(Map.of(table, pending)).build());
                    List<WriteRequest> left = response.unprocessedItems().getOrDefault(table, List.of());
                    written.addAndGet(pending.size() - left.size());
                    pending = left;
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        report(written.get(), began);
        pool.shutdown();
    }

    private static void scan(DynamoDbClient client, String table, int segments) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(segments);
        AtomicLong count = new AtomicLong();
        long began = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < segments; s++) {
            ScanRequest.Builder request = ScanRequest.builder().tableName(table);
            if (segments > 1) {
                request.segment(s).totalSegments(segments);
            }
            ScanRequest built = request.build();
            done.add(pool.submit(() -> {
                client.scanPaginator(built).forEach(page -> count.addAndGet(page.items().size()));
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        report(count.get(), began);
        pool.shutdown();
    }

    private static void report(long items, long began) {
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("%d %.3f %.1f%n", items, seconds, items / seconds);
    }

    private static List<Map<String, AttributeValue>> read(Path file) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    items.add(item(mapper.readTree(line).get("Item")));
                }
            }
        }
        return items;
    }

    private static Map<String, AttributeValue> item(JsonNode node) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        node.properties().forEach(field -> item.put(field.getKey(), value(field.getValue())));
        return item;
    }

    /** DynamoDB JSON to AttributeValue, all ten types. */
    private static AttributeValue value(JsonNode node) {
        Map.Entry<String, JsonNode> typed = node.properties().iterator().next();
        JsonNode v = typed.getValue();
        return switch (typed.getKey()) {
            case "S" -> AttributeValue.fromS(v.asText());
            case "N" -> AttributeValue.fromN(v.asText());
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.asText())));
            case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
            case "NULL" -> AttributeValue.fromNul(true);
            case "SS" -> AttributeValue.fromSs(texts(v));
            case "NS" -> AttributeValue.fromNs(texts(v));
            case "BS" -> AttributeValue.fromBs(texts(v).stream()
                    .map(b -> SdkBytes.fromByteArray(Base64.getDecoder().decode(b))).toList());
            case "M" -> AttributeValue.fromM(item(v));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                v.forEach(element -> list.add(value(element)));
                yield AttributeValue.fromL(list);
            }
            default -> throw new IllegalArgumentException("not DynamoDB JSON: " + node);
        };
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }
}
