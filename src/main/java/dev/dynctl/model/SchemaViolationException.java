package dev.dynctl.model;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input by a table's schema (exit 2): the message names each attribute path and the rule it
 * breaks, up to a few, so that one write refused says what to fix.
 */
public final class SchemaViolationException extends DynctlException {
    private static final int SHOWN = 10;

    private final String table;
    private final List<Violation> violations;

    SchemaViolationException(String table, String source, List<Violation> violations) {
        super(ExitCode.USAGE, message(table, violations), "The schema of table '" + table + "' is in " + source + ".");
        this.table = table;
        this.violations = List.copyOf(violations);
    }

    public String table() {
        return table;
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String message(String table, List<Violation> violations) {
        String shown = violations.stream().limit(SHOWN).map(Violation::toString).collect(Collectors.joining("; "));
        int more = violations.size() - SHOWN;
        return "Refused by the schema of table '" + table + "': " + shown + (more > 0 ? " (and " + more + " more)" : "") + ".";
    }
}
