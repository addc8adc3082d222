package dev.dynctl.api;

/** One API as the user names it: its id, its name and its kind (which says which API Gateway serves it). */
public record ApiRef(String id, String name, ApiType type) {
}
