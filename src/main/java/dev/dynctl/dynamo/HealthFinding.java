package dev.dynctl.dynamo;

import java.util.Locale;

/**
 * One check of `table health` and what it found.
 *
 * @param check what was looked at: "throttling", "point-in-time recovery", ...
 * @param message what was found, in a sentence
 * @param fix the dynctl command that fixes it, or the step in the AWS console when there is
 *            none; null when there is nothing to fix
 */
public record HealthFinding(Severity severity, String check, String message, String fix) {
    /** How much a finding needs attention, least first. */
    public enum Severity {
        /** Checked, nothing to do. */
        OK,
        /** Worth knowing; nothing at risk. */
        INFO,
        /** A risk to data or availability that is not hurting yet. */
        WARNING,
        /** Requests fail, or are about to, now. */
        CRITICAL;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static HealthFinding ok(String check, String message) {
        return new HealthFinding(Severity.OK, check, message, null);
    }
}
