package dev.dynctl.tail;

/** Where a tail's changes go, one at a time, in the order they are printed. */
@FunctionalInterface
public interface ChangeSink {
    /** Prints one change; false once nobody reads the output any more (dynctl … | head), which ends the tail. */
    boolean print(ChangeRecord change);
}
