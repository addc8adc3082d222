package dev.dynctl.cli;

/** A Ctrl-C handler held while a job runs; closing it gives Ctrl-C back to whoever had it. */
public interface Interruption extends AutoCloseable {
    /** True once Ctrl-C came while this was held. */
    boolean received();

    @Override
    void close();
}
