package dev.dynctl.deploy;

/**
 * One setting an update changes, as the plan shows it. Values are display text; a secret (an
 * environment variable's value) is never put here, only the variable's name.
 *
 * @param from null when the setting is new
 * @param to null when the setting goes away
 */
public record FieldChange(String field, String from, String to) {
    @Override
    public String toString() {
        if (from == null && to == null) {
            return field;
        }
        return field + ": " + (from == null ? "(none)" : from) + " → " + (to == null ? "(none)" : to);
    }
}
