package dev.dynctl.cli;

/**
 * Where Ctrl-C comes from. On the command line it is the process's SIGINT; in the shell it is the
 * shell's terminal, which would otherwise cancel the running statement.
 */
@FunctionalInterface
public interface Interrupts {
    /** The process's own SIGINT. */
    Interrupts SIGNAL = InterruptSignal::onInterrupt;

    /** Runs {@code action} instead of the default on Ctrl-C until the returned handle is closed. */
    Interruption onInterrupt(Runnable action);
}
