package dev.dynctl.output;

/** The output formats of --output, spelled as users type them. */
public enum Format {
    TABLE("table"),
    JSON("json"),
    JSONL("jsonl"),
    YAML("yaml"),
    CSV("csv"),
    TEXT("text"),
    DDB_JSON("ddb-json");

    private final String label;

    Format(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
