package dev.dynctl.dynamo;

/** What to scan, how to read it, and in how many parallel segments. */
public record ScanSpec(ItemReadSpec read, int segments) {
}
