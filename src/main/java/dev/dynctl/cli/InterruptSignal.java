package dev.dynctl.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) while a bulk job runs: instead of the JVM's immediate exit, the job is asked to
 * stop, so that it can save its resume point and the command can exit 130 with a message. The
 * JVM's own handler is back once the job is over. Java has no public API for this; sun.misc.Signal
 * (module jdk.unsupported) is the one every JDK ships.
 */
final class InterruptSignal implements Interruption {
    private static final Signal INT = new Signal("INT");

    private final SignalHandler previous;
    private volatile boolean received;

    private InterruptSignal(Runnable onInterrupt) {
        previous = Signal.handle(INT, signal -> {
            received = true;
            onInterrupt.run();
        });
    }

    /** The process's own Ctrl-C: what {@link Interrupts#SIGNAL} hands out. */
    static Interruption onInterrupt(Runnable action) {
        return new InterruptSignal(action);
    }

    @Override
    public boolean received() {
        return received;
    }

    @Override
    public void close() {
        Signal.handle(INT, previous);
    }
}
