package dev.dynctl.shell;

import dev.dynctl.cli.Interruption;
import dev.dynctl.cli.Interrupts;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Ctrl-C at the shell while a statement runs. A bulk job that asked for it is told to stop (it
 * saves its resume point); any other statement's thread is interrupted, which ends its requests
 * and returns to the prompt. A statement still running {@link #GRACE} after that (a request
 * blocked on a socket does not see interrupts) is abandoned by the next Ctrl-C.
 */
final class StatementCancel implements Interrupts {
    /** How long a statement has to stop before a second Ctrl-C abandons it. */
    static final Duration GRACE = Duration.ofSeconds(3);

    /** The statement a statement's thread runs. */
    private static final ThreadLocal<Statement> RUNNING = new ThreadLocal<>();

    private volatile Statement current;

    /**
     * A bulk job's stop for Ctrl-C, held by the statement that runs the job (one that was
     * abandoned never hears it). Outside an interactive statement (a script) Ctrl-C is the
     * process's SIGINT, as on the command line.
     */
    @Override
    public Interruption onInterrupt(Runnable action) {
        Statement own = RUNNING.get();
        Statement statement = own != null ? own : current;
        if (statement == null) {
            return Interrupts.SIGNAL.onInterrupt(action);
        }
        Job job = new Job(action, statement.jobs);
        statement.jobs.addLast(job);
        return job;
    }

    /** Runs {@code work} on a thread of its own; Ctrl-C is for it until it finishes. */
    Statement start(Callable<Integer> work) {
        Statement statement = new Statement(work);
        current = statement;
        statement.thread.start();
        return statement;
    }

    /** True while a statement has Ctrl-C (between statements the prompt has it). */
    boolean running() {
        return current != null;
    }

    /** Ctrl-C: stops the running statement, or abandons it once it is overdue. */
    void cancel() {
        Statement statement = current;
        if (statement != null) {
            statement.cancel();
        }
    }

    /** One statement on its thread: its exit code when done, and what Ctrl-C did to it. */
    final class Statement {
        private final Thread thread;
        private final Deque<Job> jobs = new ConcurrentLinkedDeque<>();
        private final CompletableFuture<Integer> done = new CompletableFuture<>();
        private long stopAskedAt;
        private boolean finished;
        private boolean abandoned;

        private Statement(Callable<Integer> work) {
            thread = new Thread(() -> {
                RUNNING.set(this);
                try {
                    done.complete(work.call());
                } catch (Throwable e) {
                    done.completeExceptionally(e);
                } finally {
                    finish();
                }
            }, "dynctl-statement");
            thread.setDaemon(true);
        }

        /** The exit code, or the failure that escaped the statement. */
        CompletableFuture<Integer> done() {
            return done;
        }

        private synchronized void cancel() {
            if (finished) {
                return;
            }
            long now = System.nanoTime();
            if (stopAskedAt != 0 && now - stopAskedAt >= GRACE.toNanos()) {
                abandoned = true;
                return;
            }
            if (stopAskedAt == 0) {
                stopAskedAt = now;
            }
            Job job = jobs.peekLast();
            if (job != null) {
                job.received = true;
                job.action.run();
            } else {
                thread.interrupt();
            }
        }

        /** True once Ctrl-C asked the statement to stop and it is still running after the grace time. */
        synchronized boolean overdue() {
            return stopAskedAt != 0 && !finished && System.nanoTime() - stopAskedAt >= GRACE.toNanos();
        }

        /**
         * True when a Ctrl-C after the grace time gave up on the statement: Ctrl-C goes to the
         * next one from now on, and this one finishes (or not) unheard.
         */
        synchronized boolean abandoned() {
            if (abandoned && current == this) {
                current = null;
            }
            return abandoned;
        }

        /**
         * The statement's thread is done: Ctrl-C no longer reaches it, and an interrupt that came
         * too late for it is cleared.
         */
        private synchronized void finish() {
            finished = true;
            if (current == this) {
                current = null;
            }
            Thread.interrupted();
        }
    }

    private static final class Job implements Interruption {
        private final Runnable action;
        private final Deque<Job> held;
        private volatile boolean received;

        Job(Runnable action, Deque<Job> held) {
            this.action = action;
            this.held = held;
        }

        @Override
        public boolean received() {
            return received;
        }

        @Override
        public void close() {
            held.remove(this);
        }
    }
}
