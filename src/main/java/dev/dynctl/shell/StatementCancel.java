package dev.dynctl.shell;

import dev.dynctl.cli.Interruption;
import dev.dynctl.cli.Interrupts;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Ctrl-C at the shell while a statement runs. A bulk job that asked for it is told to stop (it
 * saves its resume point); any other statement's thread is interrupted, which ends its requests
 * and returns to the prompt.
 */
final class StatementCancel implements Interrupts {
    private final Deque<Handle> jobs = new ConcurrentLinkedDeque<>();
    private volatile Thread running;

    @Override
    public Interruption onInterrupt(Runnable action) {
        Handle handle = new Handle(action);
        jobs.addLast(handle);
        return handle;
    }

    /** The thread that runs the current statement; null between statements. */
    void running(Thread thread) {
        this.running = thread;
    }

    /** Ctrl-C: stops the newest job that asked, else interrupts the statement. */
    void cancel() {
        Handle job = jobs.peekLast();
        if (job != null) {
            job.received = true;
            job.action.run();
            return;
        }
        Thread thread = running;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private final class Handle implements Interruption {
        private final Runnable action;
        private volatile boolean received;

        Handle(Runnable action) {
            this.action = action;
        }

        @Override
        public boolean received() {
            return received;
        }

        @Override
        public void close() {
            jobs.remove(this);
        }
    }
}
