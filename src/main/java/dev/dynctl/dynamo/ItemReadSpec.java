package dev.dynctl.dynamo;

import dev.dynctl.dynamo.expression.Condition;
import java.util.List;

/**
 * How a query or a scan reads: the table or one of its indexes, which items, how many, how many per
 * request, which attributes and how consistently.
 *
 * @param index null for the table itself
 * @param limit null for every matching item
 * @param pageSize null to let DynamoDB fill each page (up to 1 MB)
 * @param attributes empty for whole items
 * @param filter null for every item read (a FilterExpression otherwise; --limit counts the items it keeps)
 */
public record ItemReadSpec(String table, String index, boolean consistent, Integer limit, Integer pageSize, List<String> attributes,
                           Condition filter) {
}
