package dev.dynctl.dynamo;

import java.util.List;

/**
 * How a query or a scan reads: the table or one of its indexes, and how many items, how many per
 * request, which attributes and how consistently.
 *
 * @param index null for the table itself
 * @param limit null for every matching item
 * @param pageSize null to let DynamoDB fill each page (up to 1 MB)
 * @param attributes empty for whole items
 */
public record ItemReadSpec(String table, String index, boolean consistent, Integer limit, Integer pageSize, List<String> attributes) {
}
