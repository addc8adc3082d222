package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.metrics.MetricWindow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetInsightRuleReportResponse;
import software.amazon.awssdk.services.cloudwatch.model.InsightRuleContributor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.DescribeContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsResponse;

/**
 * CloudWatch Contributor Insights for DynamoDB on a table or a global index: turn it on or off,
 * and read the reports of the rules DynamoDB made for it (the most accessed and the most
 * throttled keys) with GetInsightRuleReport.
 */
public final class ContributorInsights {
    private static final Set<ContributorInsightsStatus> ON = Set.of(ContributorInsightsStatus.ENABLED, ContributorInsightsStatus.ENABLING);
    private static final Set<ContributorInsightsStatus> OFF = Set.of(ContributorInsightsStatus.DISABLED, ContributorInsightsStatus.DISABLING);
    /** DynamoDB names its rules DynamoDBContributorInsights-{kind}-{table}-{time}. */
    private static final String RULE_PREFIX = "DynamoDBContributorInsights-";

    private final DynamoDbClient dynamo;
    private final CloudWatchClient cloudWatch;
    private final String where;

    public ContributorInsights(DynamoDbClient dynamo, CloudWatchClient cloudWatch, String where) {
        this.dynamo = dynamo;
        this.cloudWatch = cloudWatch;
        this.where = where;
    }

    /**
     * Where Contributor Insights stands on a table or index.
     *
     * @param index the global index; null for the table
     * @param status ENABLING, ENABLED, DISABLING, DISABLED or FAILED
     * @param mode which keys it counts (ACCESSED_AND_THROTTLED_KEYS, THROTTLED_KEYS); null when the engine does not say
     * @param rules the CloudWatch rules DynamoDB made for it
     * @param failure why it FAILED ("LimitExceededException: ..."); null otherwise
     * @param keyNames the key attributes of the table or index, partition key first: the keys a report's contributors are made of
     */
    public record Status(String table, String index, String status, String mode, List<String> rules, String failure,
            List<String> keyNames) {
        public boolean on() {
            return ON.contains(state());
        }

        /** The status as DynamoDB's enum; DISABLED when the answer has none. */
        ContributorInsightsStatus state() {
            return status == null ? ContributorInsightsStatus.DISABLED : ContributorInsightsStatus.fromValue(status);
        }
    }

    /** What `on` or `off` did: the status afterwards, and whether it had to change anything. */
    public record Change(Status status, boolean changed) {
    }

    /** A key and how much it contributed: requests (accessed) or throttled requests over the window. */
    public record Contributor(List<String> keys, double count) {
    }

    /** The report of one rule: its name, what it counts, and its top contributors, largest first. */
    public record RuleReport(String rule, String kind, boolean throttled, List<Contributor> contributors) {
    }

    /** The reports of a table's (or index's) rules over a window. */
    public record Report(Status status, MetricWindow window, List<RuleReport> rules) {
    }

    /** The status on the table or global index (exit 3 for a table or index that does not exist). */
    public Status status(String table, String index) {
        return status(describe(table, index), index);
    }

    /** Turns Contributor Insights on or off; when it already is (or is getting there), nothing is asked of DynamoDB. */
    public Change turn(String table, String index, boolean on) {
        TableDescription description = describe(table, index);
        Status current = status(description, index);
        ContributorInsightsStatus now = current.state();
        if (on ? ON.contains(now) : OFF.contains(now)) {
            return new Change(current, false);
        }
        UpdateContributorInsightsResponse updated = dynamo.updateContributorInsights(b -> b.tableName(table).indexName(index)
                .contributorInsightsAction(on ? ContributorInsightsAction.ENABLE : ContributorInsightsAction.DISABLE));
        return new Change(new Status(table, index, updated.contributorInsightsStatusAsString(),
                updated.contributorInsightsModeAsString() == null ? current.mode() : updated.contributorInsightsModeAsString(),
                current.rules(), null, current.keyNames()), true);
    }

    /**
     * The top {@code top} contributors of each of the rules over the window. Contributor Insights
     * that is off is not found (exit 3, with the command that turns it on); one that FAILED is a
     * failure naming DynamoDB's reason.
     */
    public Report report(String table, String index, MetricWindow window, int top) {
        Status status = status(table, index);
        ContributorInsightsStatus state = status.state();
        if (state == ContributorInsightsStatus.FAILED) {
            throw new DynctlException(ExitCode.FAILURE, "Contributor Insights failed on " + subject(table, index) + " in " + where + ": "
                    + status.failure() + ".", "Turn it off and on again once the cause is fixed: '" + command(table, index, "off")
                    + "', then '" + command(table, index, "on") + "'.");
        }
        if (!status.on()) {
            throw new DynctlException(ExitCode.NOT_FOUND, "Contributor Insights is " + state.toString().toLowerCase(Locale.ROOT)
                    + " on " + subject(table, index) + " in " + where + ": there are no keys to show.",
                    "Turn it on with '" + command(table, index, "on") + "'; keys are counted from then on.");
        }
        return new Report(status, window, reports(status, window, top, false));
    }

    /** The reports of the rules of a table (or index) whose Contributor Insights is on; of its throttled-keys rules only with {@code throttledOnly}. */
    List<RuleReport> reports(Status status, MetricWindow window, int top, boolean throttledOnly) {
        List<RuleReport> reports = new ArrayList<>();
        for (String rule : status.rules()) {
            if (throttledOnly && !throttled(rule)) {
                continue;
            }
            GetInsightRuleReportResponse answer = cloudWatch.getInsightRuleReport(b -> b.ruleName(rule).startTime(window.start())
                    .endTime(window.end()).period((int) window.periodSeconds()).maxContributorCount(top).orderBy("Sum"));
            List<Contributor> contributors = answer.contributors().stream()
                    .sorted(Comparator.comparing(InsightRuleContributor::approximateAggregateValue, Comparator.nullsLast(Comparator.reverseOrder())))
                    .map(c -> new Contributor(c.keys(), c.approximateAggregateValue() == null ? 0 : c.approximateAggregateValue()))
                    .toList();
            reports.add(new RuleReport(rule, kind(rule), throttled(rule), contributors));
        }
        return reports;
    }

    Status status(TableDescription description, String index) {
        DescribeContributorInsightsResponse answer;
        try {
            answer = dynamo.describeContributorInsights(b -> b.tableName(description.tableName()).indexName(index));
        } catch (ResourceNotFoundException e) {
            throw MissingTable.error(dynamo, description.tableName(), where);
        }
        String failure = answer.failureException() == null ? null
                : answer.failureException().exceptionName() + ": " + answer.failureException().exceptionDescription();
        return new Status(description.tableName(), index, answer.contributorInsightsStatusAsString(), answer.contributorInsightsModeAsString(),
                answer.contributorInsightsRuleList(), failure, keyNames(description, index));
    }

    private TableDescription describe(String table, String index) {
        TableDescription description = MissingTable.describe(dynamo, table, where);
        if (index != null) {
            MissingIndex.requireGlobal(description, index, where, "Contributor Insights counts its keys with the table's");
        }
        return description;
    }

    private static List<String> keyNames(TableDescription table, String index) {
        List<KeySchemaElement> schema = index == null ? table.keySchema() : table.globalSecondaryIndexes().stream()
                .filter(gsi -> gsi.indexName().equals(index)).findFirst().map(GlobalSecondaryIndexDescription::keySchema).orElse(List.of());
        return schema.stream().sorted(Comparator.comparing(element -> element.keyType() == KeyType.HASH ? 0 : 1))
                .map(KeySchemaElement::attributeName).toList();
    }

    /** "dynctl table insights orders on --index byEmail": the command that does {@code action} (on, off, show). */
    public static String command(String table, String index, String action) {
        return "dynctl table insights " + table + " " + action + (index == null ? "" : " --index " + index);
    }

    /** "table 'orders'" or "index 'byEmail' of table 'orders'". */
    public static String subject(String table, String index) {
        return index == null ? "table '" + table + "'" : "index '" + index + "' of table '" + table + "'";
    }

    /**
     * What a rule counts, from the kind in its name: PKC and SKC count requests by partition key
     * and by whole key, PKT and SKT throttled requests. A rule named otherwise is shown by its name.
     */
    static String kind(String rule) {
        return switch (code(rule)) {
            case "PKC" -> "most accessed (partition key)";
            case "SKC" -> "most accessed (partition + sort key)";
            case "PKT" -> "most throttled (partition key)";
            case "SKT" -> "most throttled (partition + sort key)";
            default -> rule;
        };
    }

    static boolean throttled(String rule) {
        return code(rule).equals("PKT") || code(rule).equals("SKT");
    }

    private static String code(String rule) {
        if (!rule.startsWith(RULE_PREFIX)) {
            return "";
        }
        String rest = rule.substring(RULE_PREFIX.length());
        int dash = rest.indexOf('-');
        return dash < 0 ? rest : rest.substring(0, dash);
    }
}
