package dev.dynctl.dynamo;

import java.util.List;

/**
 * What to scan: the table (or one of its indexes), in how many parallel segments, and how to read.
 *
 * @param index null for the table itself
 * @param limit null for every item
 * @param pageSize null to let DynamoDB fill each page (up to 1 MB)
 * @param attributes empty for whole items
 */
public record ScanSpec(String table, String index, boolean consistent, Integer limit, Integer pageSize, int segments,
                       List<String> attributes) {
}
