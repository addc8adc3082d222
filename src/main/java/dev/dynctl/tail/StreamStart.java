package dev.dynctl.tail;

/** Where a tail of a table's stream begins when no checkpoint says: at the next change, or at the oldest one kept. */
public enum StreamStart {
    LATEST("latest"),
    TRIM_HORIZON("trim-horizon");

    private final String label;

    StreamStart(String label) {
        this.label = label;
    }

    /** The word users type: latest, trim-horizon. */
    @Override
    public String toString() {
        return label;
    }
}
