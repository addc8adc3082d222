package dev.dynctl.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An HTTP endpoint on a free loopback port that answers every DynamoDB call as a test says, for
 * failures no real engine can be made to produce on demand (HTTP 500, a limit reached).
 */
public final class StubEndpoint implements AutoCloseable {
    /** One answer: the status and the JSON body (empty for none). */
    public record Answer(int status, String body) {
    }

    private final HttpServer server;

    private StubEndpoint(HttpServer server) {
        this.server = server;
    }

    /** @param answers the answer to an operation, by its name ("ListTables", "DescribeTable") */
    public static StubEndpoint start(Function<String, Answer> answers) {
        return start((operation, body) -> answers.apply(operation));
    }

    /** @param answers the answer to an operation, by its name and the request's JSON body */
    public static StubEndpoint start(BiFunction<String, String, Answer> answers) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
                Answer answer = answers.apply(target.substring(target.indexOf('.') + 1), request);
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
                exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new StubEndpoint(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
