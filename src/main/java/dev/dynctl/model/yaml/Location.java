package dev.dynctl.model.yaml;

/** Where something is in a file, 1-based, printed as editors and compilers do: {@code dynctl.yaml:12:9}. */
public record Location(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
