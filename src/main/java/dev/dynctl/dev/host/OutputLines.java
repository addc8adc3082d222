package dev.dynctl.dev.host;

import dev.dynctl.dev.DevLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Reads one output stream of an instance line by line into the log, on a thread of its own, so
 * that a chatty function never blocks on a full pipe. The host asks it how far it has read before
 * it logs an invocation's REPORT line, so that the invocation's own lines come first.
 */
final class OutputLines implements Runnable {
    /**
     * dynctl's runtimes write this and the request id on stdout and stderr after an invocation's
     * output, before its answer (never logged): reading up to it is reading all the invocation printed.
     */
    static final String END_MARKER = "\u001e[dynctl-invocation-end] ";

    private final InputStream stream;
    private final String function;
    private final DevLog log;
    private final Thread thread;
    private final Object progress = new Object();
    private String lastEnd;
    private long lastLineNanos = System.nanoTime();
    private boolean ended;

    private OutputLines(InputStream stream, String function, String name, DevLog log) {
        this.stream = stream;
        this.function = function;
        this.log = log;
        this.thread = new Thread(this, "function-" + function + "-" + name);
        thread.setDaemon(true);
    }

    static OutputLines follow(InputStream stream, String function, String name, DevLog log) {
        OutputLines lines = new OutputLines(stream, function, name, log);
        lines.thread.start();
        return lines;
    }

    @Override
    public void run() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int marker = line.indexOf(END_MARKER);
                if (marker != 0) {
                    // a line the function left unfinished ends where the marker starts
                    log.function(function, marker < 0 ? line : line.substring(0, marker));
                }
                synchronized (progress) {
                    lastLineNanos = System.nanoTime();
                    if (marker >= 0) {
                        lastEnd = line.substring(marker + END_MARKER.length());
                    }
                    progress.notifyAll();
                }
            }
        } catch (IOException closed) {
            // the instance was stopped: its pipe is gone
        } finally {
            synchronized (progress) {
                ended = true;
                progress.notifyAll();
            }
        }
    }

    /** Waits (until {@code deadlineNanos} at most) until the stream passed the end marker of {@code requestId}, or ended. */
    void awaitEnd(String requestId, long deadlineNanos) throws InterruptedException {
        synchronized (progress) {
            while (!ended && !requestId.equals(lastEnd)) {
                if (!waitUntil(deadlineNanos)) {
                    return;
                }
            }
        }
    }

    /**
     * For runtimes that write no end marker (AWS's Java client, a custom bootstrap): waits until
     * no line came for {@code quiet} (what the process printed before its answer is in the pipe
     * already: reading it takes less), or the stream ended, until {@code deadlineNanos} at most.
     */
    void awaitQuiet(Duration quiet, long deadlineNanos) throws InterruptedException {
        long from = System.nanoTime();
        synchronized (progress) {
            while (!ended) {
                long quietUntil = Math.max(from, lastLineNanos) + quiet.toNanos();
                long now = System.nanoTime();
                if (now - quietUntil >= 0 || now - deadlineNanos >= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, Math.min(quietUntil, deadlineNanos) - now);
            }
        }
    }

    /** Waits (until {@code deadlineNanos} at most) until the stream ended and every line of it is logged. */
    void awaitClosed(long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left > 0) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }

    private boolean waitUntil(long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        TimeUnit.NANOSECONDS.timedWait(progress, left);
        return true;
    }
}
