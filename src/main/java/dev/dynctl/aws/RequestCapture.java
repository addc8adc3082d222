package dev.dynctl.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The shell's explain: every request the clients made with this interceptor make is recorded as
 * it would go on the wire (operation and JSON body), and every request but the read-only lookups
 * a command needs to build its own (DescribeTable, DescribeTimeToLive, ListTables: any Describe…
 * or List… operation) is stopped before it is sent. It is for clients of their own, made for one
 * statement (one explain): there is no switch that the session's other statements could find on.
 *
 * <p>A request is recorded and stopped when the SDK has marshalled it and no interceptor will
 * change it any more (modifyHttpRequest, this one being last), before the SDK's retries and before
 * signing: a stopped request is never retried, and one whose thread was interrupted (a parallel
 * scan's other segments, once the first has stopped) is still recorded rather than aborted.
 *
 * <p>A statement may send several requests side by side (a parallel scan's segments, an import's
 * writers); a stopped request holds its thread until no other has begun for a moment, so that its
 * failure does not end the statement before the others are recorded.
 */
public final class RequestCapture implements ExecutionInterceptor {
    /** How long no new request must begin before the stopped ones end their statement. */
    private static final long QUIET_NANOS = 50_000_000L;
    /** The longest a stopped request waits for others, and {@link #requests()} for requests still running. */
    private static final long MAX_WAIT_NANOS = 2_000_000_000L;

    /** One request: its operation, its JSON body, and whether it was sent (a lookup) or stopped. */
    public record Request(String operation, String body, boolean sent) {
    }

    /** What a stopped request throws into the command that made it; the command fails with it. */
    public static final class Stopped extends RuntimeException {
        Stopped(String operation) {
            super(operation + " was not sent (explain).", null, false, false);
        }
    }

    /** Set on a request this interceptor stopped: the SDK may or may not report its failure again. */
    private static final ExecutionAttribute<Boolean> STOPPED = new ExecutionAttribute<>("dynctl.requestCapture.stopped");

    private final List<Request> requests = new ArrayList<>();
    private int running;
    private long lastBegun = System.nanoTime();

    /** True for the operations that only read a table's or the account's description. */
    static boolean isLookup(String operation) {
        return operation.startsWith("Describe") || operation.startsWith("List");
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        begun();
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        boolean lookup = isLookup(operation);
        add(new Request(operation, context.requestBody().map(RequestCapture::text).orElse(""), lookup));
        if (!lookup) {
            settle();
            attributes.putAttribute(STOPPED, true);
            ended();
            throw new Stopped(operation);
        }
        return context.httpRequest();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        ended(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        ended(attributes);
    }

    private void ended(ExecutionAttributes attributes) {
        if (attributes.getAttribute(STOPPED) == null) {
            ended();
        }
    }

    private static String text(RequestBody body) {
        try (InputStream in = body.contentStreamProvider().newStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void begun() {
        running++;
        lastBegun = System.nanoTime();
    }

    private synchronized void ended() {
        running = Math.max(0, running - 1);
        notifyAll();
    }

    private synchronized void add(Request request) {
        requests.add(request);
    }

    /** Waits until no request has begun for {@link #QUIET_NANOS}; Ctrl-C ends the wait. */
    private synchronized void settle() {
        long deadline = System.nanoTime() + MAX_WAIT_NANOS;
        try {
            for (long now = System.nanoTime(); now - lastBegun < QUIET_NANOS && now < deadline; now = System.nanoTime()) {
                wait(Math.max(1, (QUIET_NANOS - (now - lastBegun)) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The requests recorded, in the order they were made, once those still running have ended. */
    public synchronized List<Request> requests() {
        long deadline = System.nanoTime() + MAX_WAIT_NANOS;
        try {
            while (running > 0 && System.nanoTime() < deadline) {
                wait(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.copyOf(requests);
    }
}
