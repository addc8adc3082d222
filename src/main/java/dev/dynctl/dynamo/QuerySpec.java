package dev.dynctl.dynamo;

import java.util.List;

/**
 * What to query: the table (or one of its indexes), the partition key as {@code --key} gives it, an
 * optional sort key condition as {@code --sk} gives it, and how to read the results.
 *
 * @param index null for the table itself
 * @param sortCondition null for every item of the partition
 * @param limit null for every matching item
 * @param pageSize null to let DynamoDB fill each page (up to 1 MB)
 * @param attributes empty for whole items
 */
public record QuerySpec(String table, String index, String key, String sortCondition, boolean descending,
                        boolean consistent, Integer limit, Integer pageSize, List<String> attributes) {
}
