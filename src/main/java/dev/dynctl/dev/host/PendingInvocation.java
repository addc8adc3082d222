package dev.dynctl.dev.host;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One event on its way through an instance: handed out by {@code /invocation/next}, answered by
 * {@code /response} or {@code /error} (or by the host: a crash, an init error).
 */
final class PendingInvocation {
    private final String requestId = UUID.randomUUID().toString();
    private final byte[] event;
    private final Duration timeout;
    private final CompletableFuture<Long> handed = new CompletableFuture<>();
    private final CompletableFuture<Answer> answer = new CompletableFuture<>();
    private volatile long deadlineMillis;
    private volatile long answeredNanos;
    private volatile long nextRequest;

    PendingInvocation(byte[] event, Duration timeout) {
        this.event = event;
        this.timeout = timeout;
    }

    String requestId() {
        return requestId;
    }

    byte[] event() {
        return event;
    }

    /**
     * The runtime took the event with its {@code nextRequest}-th {@code /invocation/next}: its
     * deadline starts now. Returns the deadline (epoch milliseconds).
     */
    long hand(long nextRequest) {
        this.nextRequest = nextRequest;
        deadlineMillis = System.currentTimeMillis() + timeout.toMillis();
        handed.complete(System.nanoTime());
        return deadlineMillis;
    }

    /** Completed with System.nanoTime() when the runtime took the event. */
    CompletableFuture<Long> handed() {
        return handed;
    }

    CompletableFuture<Answer> answer() {
        return answer;
    }

    /** The first answer counts; a later one (a response after a crash was seen) is ignored. */
    synchronized boolean answer(Answer given) {
        if (answer.isDone()) {
            return false;
        }
        answeredNanos = System.nanoTime();
        return answer.complete(given);
    }

    /** Which of the runtime's {@code /invocation/next} requests took the event (counted from 1); 0 before. */
    long nextRequest() {
        return nextRequest;
    }

    long answeredNanos() {
        return answeredNanos;
    }
}
