package dev.dynctl.dynamo;

/**
 * What to query: the partition key as {@code --key} gives it, an optional sort key condition as
 * {@code --sk} gives it, and how to read.
 *
 * @param sortCondition null for every item of the partition
 */
public record QuerySpec(ItemReadSpec read, String key, String sortCondition, boolean descending) {
}
