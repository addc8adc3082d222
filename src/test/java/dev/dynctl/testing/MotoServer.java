package dev.dynctl.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * moto server, started once per test run on a free loopback port and stopped when the JVM exits.
 * It answers DynamoDB, API Gateway, Lambda, CloudWatch, Logs, IAM and SNS with the real wire protocol.
 */
public final class MotoServer {
    private static MotoServer instance;

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static synchronized MotoServer get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    /** Stops the server; a server that ignores SIGTERM is killed, so no process outlives the run. */
    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return endpoint.getPort();
    }

    private static MotoServer start() {
        try {
            int port = freePort();
            Path log = Files.createTempFile("moto-", ".log");
            ProcessBuilder builder = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port));
            // AWS's managed policies (AWSLambdaBasicExecutionRole for function roles) exist, as on AWS
            builder.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
            Process process = builder
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            try {
                awaitReady(process, endpoint, log.toFile());
                runLambdaWithoutDocker(endpoint);
            } catch (IOException | RuntimeException e) {
                // a server that cannot be used is not left running (each later test would start another)
                process.destroyForcibly();
                throw e;
            }
            return new MotoServer(process, endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start moto_server (python3 -m pip install 'moto[server]')", e);
        }
    }

    /** Lambda functions are created and invoked without Docker (an invoke answers with its payload; the code does not run). */
    private static void runLambdaWithoutDocker(URI endpoint) throws IOException {
        HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/config").toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        try (var body = c.getOutputStream()) {
            body.write("{\"lambda\": {\"use_docker\": false}}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (c.getResponseCode() / 100 != 2) {
            throw new IllegalStateException("moto_server refused its Lambda configuration: HTTP " + c.getResponseCode());
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitReady(Process process, URI endpoint, File log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited: " + Files.readString(log.toPath()));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
                c.setConnectTimeout(500);
                if (c.getResponseCode() < 500) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("moto_server did not start within 60s: " + Files.readString(log.toPath()));
    }
}
