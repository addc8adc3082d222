package dev.dynctl.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An endpoint on a free loopback port for services that name the operation by method and path
 * (API Gateway, Lambda: REST-JSON), unlike {@link StubEndpoint}'s X-Amz-Target: it records every
 * request and answers each as a test says. For what moto cannot do or show (v2 UpdateStage, a
 * throttled answer).
 */
public final class RestJsonStub implements AutoCloseable {
    /** One request as it arrived: method, path (without the query), query (null for none) and body. */
    public record Request(String method, String path, String query, String body) {
    }

    /** One answer: the status, extra headers (x-amzn-ErrorType for an error) and the JSON body. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public static Answer ok(String body) {
            return new Answer(200, Map.of(), body);
        }

        public static Answer error(int status, String type, String message) {
            return new Answer(status, Map.of("x-amzn-ErrorType", type), "{\"message\": \"" + message + "\"}");
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private RestJsonStub(HttpServer server) {
        this.server = server;
    }

    public static RestJsonStub start(Function<Request, Answer> answers) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RestJsonStub stub = new RestJsonStub(server);
            server.createContext("/", exchange -> {
                Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestURI().getQuery(), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                stub.requests.add(request);
                Answer answer;
                try {
                    answer = answers.apply(request);
                } catch (RuntimeException | AssertionError e) {
                    // an answer the test could not give fails the call rather than leaving it waiting
                    answer = new Answer(500, Map.of(), "");
                }
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                answer.headers().forEach(exchange.getResponseHeaders()::set);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every request so far, oldest first. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
