package dev.dynctl.tail;

/** How a table's changes are printed: a diff for people, JSON Lines for scripts, or the stream's own records. */
public enum ChangeFormat {
    /** Time, event and key, then what changed: attr: old → new, +added, -removed. */
    DIFF("diff"),
    /** One JSON object per change: event, time, sequenceNumber, keys, old, new, changed. */
    JSON("json"),
    /** The stream record in DynamoDB JSON, as aws dynamodbstreams get-records shows it, one per line. */
    DDB_JSON("ddb-json");

    private final String label;

    ChangeFormat(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
