package dev.dynctl.shell;

import dev.dynctl.cli.LabelConverter;

/** on or off, for the shell's switches (timing, pager). */
enum Switch {
    ON, OFF;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    boolean on() {
        return this == ON;
    }

    static final class Labels extends LabelConverter<Switch> {
        Labels() {
            super(Switch.class);
        }
    }
}
