package dev.dynctl.api;

import java.util.List;

/**
 * What {@code route add} did: created the route, updated one that differed, or found it as asked.
 *
 * @param actions what was created or changed, in words, in order; empty when unchanged
 * @param note what a user should know about the route (how WebSocket messages reach it), or null
 */
public record RouteChange(Outcome outcome, RouteInfo route, List<String> actions, String note) {
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
