package dev.dynctl.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Asks a loopback port what, if anything, answers there. */
final class PortProbe {
    private static final int CONNECT_TIMEOUT_MS = 500;
    private static final int READ_TIMEOUT_MS = 2000;

    /** The path where the bootstrap script answers with its pid, port and data folder. */
    static final String IDENTITY_PATH = "/_dynctl/engine";

    private PortProbe() {
    }

    static URI endpoint(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** What a dynctl engine on the port says about itself; empty when it is not one (or not up yet). */
    static Optional<JsonNode> identity(int port) {
        try {
            HttpURLConnection c = open(port, IDENTITY_PATH);
            if (c.getResponseCode() != 200) {
                return Optional.empty();
            }
            try (InputStream in = c.getInputStream()) {
                JsonNode json = Json.MAPPER.readTree(in);
                return "dynctl".equals(json.path("engine").asText()) ? Optional.of(json) : Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * True when the port answers ListTables as DynamoDB does (DynamoDB Local, moto, LocalStack...).
     * Local engines do not check signatures, so a well-formed unsigned credential scope will do.
     */
    static boolean answersAsDynamoDb(int port) {
        try {
            HttpURLConnection c = open(port, "/");
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
            c.setRequestProperty("X-Amz-Target", "DynamoDB_20120810.ListTables");
            c.setRequestProperty("Authorization", "AWS4-HMAC-SHA256 Credential=dynctl/20200101/us-east-1/dynamodb/aws4_request, "
                    + "SignedHeaders=host;x-amz-date, Signature=0");
            c.setRequestProperty("X-Amz-Date", "20200101T000000Z");
            try (OutputStream out = c.getOutputStream()) {
                out.write("{\"Limit\":1}".getBytes(StandardCharsets.UTF_8));
            }
            if (c.getResponseCode() != 200) {
                return false;
            }
            try (InputStream in = c.getInputStream()) {
                return Json.MAPPER.readTree(in).has("TableNames");
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static HttpURLConnection open(int port, String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) endpoint(port).resolve(path).toURL().openConnection(Proxy.NO_PROXY);
        c.setConnectTimeout(CONNECT_TIMEOUT_MS);
        c.setReadTimeout(READ_TIMEOUT_MS);
        c.setUseCaches(false);
        return c;
    }
}
