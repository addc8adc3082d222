package dev.dynctl.dev.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Runtime API of one instance, on 127.0.0.1 and a free port: the instance's runtime
 * asks {@code /invocation/next} for an event and posts the answer back. Unmodified runtime
 * interface clients (AWS's Java one included) run against it.
 */
final class RuntimeApi implements AutoCloseable {
    private static final String BASE = "/2018-06-01/runtime/";
    private static final Pattern ANSWER = Pattern.compile("invocation/([^/]+)/(response|error)");
    /** Handed to a waiting {@code /next} when the endpoint closes, so that its thread ends. */
    private static final PendingInvocation CLOSED = new PendingInvocation(new byte[0], Duration.ZERO);

    static {
        enableNoDelay();
    }

    private final HttpServer server;
    private final String functionArn;
    private final BlockingQueue<PendingInvocation> events = new LinkedBlockingQueue<>();
    private final Map<String, PendingInvocation> handedOut = new ConcurrentHashMap<>();
    /** Guards current, initError and exit: an answer the runtime or its end gives before submit() is kept for it. */
    private final Object state = new Object();
    private PendingInvocation current;
    private Answer initError;
    private Answer exit;
    private volatile boolean closed;
    /** Guards nextRequests: how many {@code /invocation/next} requests the runtime has made. */
    private final Object asked = new Object();
    private long nextRequests;

    private RuntimeApi(HttpServer server, String functionArn) {
        this.server = server;
        this.functionArn = functionArn;
    }

    /** Listens on a free loopback port; {@code threads} serve the requests (a waiting {@code /next} holds one). */
    static RuntimeApi open(String functionArn, Executor threads) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
            RuntimeApi api = new RuntimeApi(server, functionArn);
            server.createContext(BASE, api::handle);
            server.setExecutor(threads);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a Runtime API endpoint on 127.0.0.1", e);
        }
    }

    /** AWS_LAMBDA_RUNTIME_API: host:port. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Without TCP_NODELAY each answer waits ~40 ms for the runtime's delayed ACK, twice per
     * invocation. The JDK's server reads this property once, when the JVM makes its first
     * HttpServer: FunctionHost sets it too, before dynctl makes any server (the gateway's included).
     */
    static void enableNoDelay() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /**
     * Queues the event for the runtime's next {@code /invocation/next}; when the runtime already
     * failed to load its handler or the process already ended, the event gets that answer at once.
     */
    void submit(PendingInvocation invocation) {
        Answer already;
        synchronized (state) {
            current = invocation;
            already = initError != null ? initError : exit;
            if (already == null) {
                events.add(invocation);
            }
        }
        if (already != null) {
            invocation.answer(already);
        }
    }

    /** The process ended: the event it was given (or is about to be given) gets {@code answer}. */
    void processEnded(Answer answer) {
        PendingInvocation invocation;
        synchronized (state) {
            exit = answer;
            invocation = current;
        }
        if (invocation != null) {
            invocation.answer(answer);
        }
        synchronized (asked) {
            asked.notifyAll();
        }
    }

    /**
     * Waits (until {@code deadlineNanos} at most) until the runtime asks for another event after
     * its {@code request}-th {@code /invocation/next}, or its process ended, or the endpoint closed.
     * A runtime asks once it is done with the event before: AWS's Java client prints a handler's
     * exception after it posts the error, and then asks.
     */
    void awaitNextRequestAfter(long request, long deadlineNanos) throws InterruptedException {
        synchronized (asked) {
            while (nextRequests <= request && !closed && !ended()) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(asked, left);
            }
        }
    }

    private boolean ended() {
        synchronized (state) {
            return exit != null;
        }
    }

    @Override
    public void close() {
        closed = true;
        events.add(CLOSED);
        server.stop(0);
        synchronized (asked) {
            asked.notifyAll();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(BASE.length());
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("invocation/next")) {
                next(exchange);
                return;
            }
            Matcher answer = ANSWER.matcher(path);
            if (method.equals("POST") && answer.matches()) {
                answer(exchange, answer.group(1), answer.group(2).equals("error"));
                return;
            }
            if (method.equals("POST") && path.equals("init/error")) {
                initError(exchange);
                return;
            }
            reply(exchange, 404, error("UnknownPath", method + " " + exchange.getRequestURI().getPath() + " is not part of the Lambda Runtime API"));
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        long request;
        synchronized (asked) {
            request = ++nextRequests;
            asked.notifyAll();
        }
        PendingInvocation invocation;
        try {
            invocation = events.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            invocation = CLOSED;
        }
        if (invocation == CLOSED || closed) {
            events.add(CLOSED);
            reply(exchange, 500, error("ServiceShutdown", "the local function host is stopping this instance"));
            return;
        }
        handedOut.put(invocation.requestId(), invocation);
        long deadline = invocation.hand(request);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.set("Lambda-Runtime-Trace-Id", TraceId.next());
        reply(exchange, 200, invocation.event());
    }

    private void answer(HttpExchange exchange, String requestId, boolean error) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        PendingInvocation invocation = handedOut.remove(requestId);
        if (invocation == null) {
            reply(exchange, 400, error("InvalidRequestID", "no invocation " + requestId + " is waiting for an answer"));
            return;
        }
        invocation.answer(error
                ? Answer.posted(body, exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"), "Unhandled")
                : Answer.success(body));
        reply(exchange, 202, "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8));
    }

    private void initError(HttpExchange exchange) throws IOException {
        Answer answer = Answer.initError(exchange.getRequestBody().readAllBytes(),
                exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"));
        PendingInvocation invocation;
        synchronized (state) {
            initError = answer;
            invocation = current;
        }
        if (invocation != null) {
            invocation.answer(answer);
        }
        reply(exchange, 202, "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] error(String type, String message) {
        return Answer.hostError(type, message).payload();
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().putIfAbsent("Content-Type", List.of("application/json"));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
