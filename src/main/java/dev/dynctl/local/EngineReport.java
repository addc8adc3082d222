package dev.dynctl.local;

/** The outcome of a lifecycle command: one sentence for people and the engine's status for scripts. */
public record EngineReport(String summary, EngineStatus status) {
}
