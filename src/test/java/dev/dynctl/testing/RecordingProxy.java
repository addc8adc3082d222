package dev.dynctl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dynctl.codec.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback proxy in front of moto for every service dynctl calls: records each request — its
 * method and path, the AWS service it is for and its operation — and forwards it, unless the test
 * answers it itself: for what AWS does and moto cannot (an UpdateMethod that works, a transient
 * HTTP 500 in JSON), or to make one chosen call fail ({@link #failOnce}).
 *
 * <pre>{@code
 * try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
 *     cli().run("deploy", "--stage", "dev", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1");
 *     assertThat(proxy.writes()).isEmpty();            // nothing but reads
 * }
 * }</pre>
 */
public final class RecordingProxy implements AutoCloseable {
    /** An answer the proxy gives instead of the engine. */
    public record Answer(int status, String body) {
    }

    /**
     * One request as AWS sees it.
     *
     * @param service the signing name of its service, from the SigV4 credential scope (dynamodb,
     *                iam, sts, lambda, apigateway); "" when unsigned
     * @param operation DynamoDB (JSON protocol): the X-Amz-Target's operation, "CreateTable"; IAM
     *                  and STS (query protocol): the form's Action, "CreateRole"; Lambda and API
     *                  Gateway (REST-JSON): "METHOD /path"
     * @param body the request's body as text (JSON for most services), "" for none
     */
    public record Call(String method, String path, String service, String operation, String body) {
        private static final Set<String> READ_OPERATIONS = Set.of("Scan", "Query", "BatchGetItem");

        /** True when the call may change something: not Get*, List*, Describe*, a GET or HEAD, nor a read of items. */
        public boolean writes() {
            if (method.equals("GET") || method.equals("HEAD")) {
                return false;
            }
            String name = operation.contains(" ") ? "" : operation;
            return !(name.startsWith("Get") || name.startsWith("List") || name.startsWith("Describe") || READ_OPERATIONS.contains(name));
        }

        @Override
        public String toString() {
            return service + " " + operation;
        }
    }

    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive");
    private static final Pattern SIGNING_SERVICE = Pattern.compile("Credential=[^/]*/[^/]*/[^/]*/([^/]*)/");

    private final URI target;
    private final BiFunction<String, String, Answer> answers;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());

    /** A proxy that forwards every request. */
    public RecordingProxy(URI target) {
        this(target, (method, path) -> null);
    }

    /** @param answers the answer to a request by method and path, or null to forward it */
    public RecordingProxy(URI target, BiFunction<String, String, Answer> answers) {
        this.target = target;
        this.answers = answers;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request so far, as "METHOD /path", in order. */
    public List<String> requests() {
        return calls().stream().map(call -> call.method() + " " + call.path()).toList();
    }

    /** Every request so far, in order. */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The bodies of the requests of this operation so far, as JSON trees (equal whatever the order of their fields). */
    public List<JsonNode> bodies(String operation) {
        return calls().stream().filter(call -> call.operation().equals(operation)).map(call -> {
            try {
                return Json.MAPPER.readTree(call.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** Runs dynctl through this proxy, in the tests' region. */
    public Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", endpoint().toString(), "--region", Cli.REGION));
        return Cli.cli().run(all.toArray(String[]::new));
    }

    /** The requests so far that may have changed something ({@link Call#writes()}), in order. */
    public List<Call> writes() {
        return calls().stream().filter(Call::writes).toList();
    }

    /** Forgets the requests recorded so far. */
    public void clear() {
        calls.clear();
    }

    /**
     * The first request from now on that {@code which} matches is answered with an AWS error
     * instead of reaching the engine; later ones go through. A 400 with the error's type
     * (x-amzn-ErrorType and __type for JSON, an ErrorResponse for the query protocol) is one the
     * SDK does not retry.
     */
    public void failOnce(Predicate<Call> which, int status, String errorType, String message) {
        failures.add(new Failure(which, status, errorType, message));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Call call = call(exchange, method, path, body);
            calls.add(call);
            Failure failure = takeFailure(call);
            if (failure != null) {
                failure.send(exchange, call);
                return;
            }
            Answer answer = answers.apply(method, path);
            if (answer != null) {
                send(exchange, answer.status(), "application/json", answer.body(), Map.of());
                return;
            }
            forward(exchange, method, body);
        }
    }

    private static Call call(HttpExchange exchange, String method, String path, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher scope = SIGNING_SERVICE.matcher(authorization == null ? "" : authorization);
        String service = scope.find() ? scope.group(1) : "";
        String amzTarget = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String text = new String(body, StandardCharsets.UTF_8);
        if (amzTarget != null) {
            return new Call(method, path, service, amzTarget.substring(amzTarget.lastIndexOf('.') + 1), text);
        }
        String action = formAction(exchange, body);
        return new Call(method, path, service, action != null ? action : method + " " + path, text);
    }

    /** The Action= of a query-protocol request's form body, or null. */
    private static String formAction(HttpExchange exchange, byte[] body) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return null;
        }
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.startsWith("Action=")) {
                return URLDecoder.decode(pair.substring("Action=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private Failure takeFailure(Call call) {
        synchronized (failures) {
            for (int i = 0; i < failures.size(); i++) {
                if (failures.get(i).which().test(call)) {
                    return failures.remove(i);
                }
            }
        }
        return null;
    }

    private void forward(HttpExchange exchange, String method, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT)) && !header.getKey().startsWith(":")) {
                exchange.getResponseHeaders().put(header.getKey(), header.getValue());
            }
        }
        byte[] answerBody = response.body();
        exchange.sendResponseHeaders(response.statusCode(), answerBody.length == 0 ? -1 : answerBody.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answerBody);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** An error to give the first matching call, once. */
    private record Failure(Predicate<Call> which, int status, String errorType, String message) {
        void send(HttpExchange exchange, Call call) throws IOException {
            Map<String, String> headers = Map.of("x-amzn-ErrorType", errorType, "x-amzn-RequestId", "injected-by-recording-proxy");
            boolean queryProtocol = !call.operation().contains(" ") && exchange.getRequestHeaders().getFirst("X-Amz-Target") == null;
            if (queryProtocol) {
                RecordingProxy.send(exchange, status, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>" + errorType
                        + "</Code><Message>" + message + "</Message></Error><RequestId>injected-by-recording-proxy</RequestId>"
                        + "</ErrorResponse>", headers);
            } else {
                RecordingProxy.send(exchange, status, "application/x-amz-json-1.0", "{\"__type\":\"" + errorType + "\",\"message\":\""
                        + message + "\",\"Message\":\"" + message + "\"}", headers);
            }
        }
    }
}
