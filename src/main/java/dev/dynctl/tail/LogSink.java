package dev.dynctl.tail;

/** Where a tail hands the events it read, in order, each once. */
public interface LogSink {
    /** Shows one event; false when the event was left out (it then does not count toward --max). */
    boolean show(LogEvent event);

    /** False once nobody reads any more (the reader of a pipe has gone): the tail stops there. */
    boolean open();
}
