package dev.dynctl.cli.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.StubEndpoint;
import dev.dynctl.testing.StubEndpoint.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What AWS answers and moto cannot (moto has no Contributor Insights): DynamoDB's
 * Describe/UpdateContributorInsights and CloudWatch's GetInsightRuleReport, in their wire formats,
 * served by a {@link StubEndpoint} with the rest the table commands ask for: the table "orders"
 * (on-demand, key customer + created, global index byStatus), point-in-time recovery on, no
 * backups, no metrics unless given ({@link #throttled}). Turning Contributor Insights on or off
 * answers ENABLING or DISABLING, and the next describe finds it done. An operation may be denied
 * ({@link #deny}). Every request is kept, by operation.
 */
final class TableInsightsAnswers implements AutoCloseable {
    static final String TABLE = "orders";
    static final String INDEX = "byStatus";
    static final String PKC = "DynamoDBContributorInsights-PKC-orders-1700000000000";
    static final String SKC = "DynamoDBContributorInsights-SKC-orders-1700000000000";
    static final String PKT = "DynamoDBContributorInsights-PKT-orders-1700000000000";
    static final String SKT = "DynamoDBContributorInsights-SKT-orders-1700000000000";

    private static final String DESCRIBE_TABLE = """
            {"Table": {"TableName": "orders", "TableStatus": "ACTIVE", "BillingModeSummary": {"BillingMode": "PAY_PER_REQUEST"},
             "KeySchema": [{"AttributeName": "created", "KeyType": "RANGE"}, {"AttributeName": "customer", "KeyType": "HASH"}],
             "AttributeDefinitions": [{"AttributeName": "customer", "AttributeType": "S"}, {"AttributeName": "created", "AttributeType": "S"},
                                      {"AttributeName": "status", "AttributeType": "S"}],
             "GlobalSecondaryIndexes": [{"IndexName": "byStatus", "IndexStatus": "ACTIVE",
                                         "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"}], "Projection": {"ProjectionType": "ALL"}}],
             "DeletionProtectionEnabled": true}}""";
    private static final String CONTINUOUS_BACKUPS = """
            {"ContinuousBackupsDescription": {"ContinuousBackupsStatus": "ENABLED",
             "PointInTimeRecoveryDescription": {"PointInTimeRecoveryStatus": "ENABLED"}}}""";
    private static final String CLOUDWATCH = "xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"";

    /** One request as it arrived: the operation (X-Amz-Target's, or the CloudWatch form's Action) and its body. */
    record Request(String operation, String body) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A CloudWatch (query protocol) request's form fields. */
        Map<String, String> form() {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return fields;
        }
    }

    /** A key of a report and its count. */
    record Contributor(List<String> keys, double count) {
    }

    private final StubEndpoint stub;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Contributor Insights' status by index name ("" for the table). */
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private final Map<String, List<Contributor>> reports = new ConcurrentHashMap<>();
    private volatile String failure;
    /** Throttle events by "metric index" ("" for the table), put two minutes ago. */
    private final Map<String, Double> throttles = new ConcurrentHashMap<>();
    private final Set<String> denied = ConcurrentHashMap.newKeySet();

    TableInsightsAnswers() {
        stub = StubEndpoint.start(this::answer);
    }

    /** Contributor Insights on the table (index null) or an index: ENABLED, DISABLED, FAILED... */
    TableInsightsAnswers status(String index, String status) {
        statuses.put(index == null ? "" : index, status);
        return this;
    }

    /** A FAILED status with DynamoDB's reason. */
    TableInsightsAnswers failed(String exceptionName, String description) {
        failure = "{\"ExceptionName\": \"" + exceptionName + "\", \"ExceptionDescription\": \"" + description + "\"}";
        return status(null, "FAILED");
    }

    /** The contributors GetInsightRuleReport answers for a rule. */
    TableInsightsAnswers report(String rule, Contributor... contributors) {
        reports.put(rule, List.of(contributors));
        return this;
    }

    /** Throttle events of the table (index null) or an index, two minutes ago: {@code metric} is ReadThrottleEvents or WriteThrottleEvents. */
    TableInsightsAnswers throttled(String index, String metric, double events) {
        throttles.put(metric + " " + (index == null ? "" : index), events);
        return this;
    }

    /** The operation is answered AccessDenied, as AWS answers a caller whose policy does not allow it. */
    TableInsightsAnswers deny(String operation) {
        denied.add(operation);
        return this;
    }

    /** The arguments that point dynctl at this stub. */
    List<String> target() {
        return List.of("--endpoint-url", stub.endpoint().toString(), "--region", "us-east-1");
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String operation) {
        return requests.stream().filter(request -> request.operation().equals(operation)).toList();
    }

    @Override
    public void close() {
        stub.close();
    }

    private Answer answer(String target, String body) {
        // CloudWatch speaks the query protocol: no X-Amz-Target, the operation is the form's Action
        String operation = body.startsWith("Action=") ? new Request("", body).form().get("Action") : target;
        Request request = new Request(operation, body);
        requests.add(request);
        if (denied.contains(operation)) {
            return body.startsWith("Action=")
                    ? new Answer(403, "<ErrorResponse " + CLOUDWATCH + "><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not "
                            + "allowed</Message></Error><RequestId>d1</RequestId></ErrorResponse>")
                    : new Answer(400, "{\"__type\": \"com.amazonaws.dynamodb.v20120810#AccessDeniedException\", \"message\": \"not allowed\"}");
        }
        return switch (operation) {
            case "DescribeTable" -> new Answer(200, DESCRIBE_TABLE);
            case "DescribeContinuousBackups" -> new Answer(200, CONTINUOUS_BACKUPS);
            case "ListBackups" -> new Answer(200, "{\"BackupSummaries\": []}");
            case "DescribeContributorInsights" -> new Answer(200, describe(request.json().path("IndexName").asText("")));
            case "UpdateContributorInsights" -> new Answer(200, update(request.json()));
            case "GetInsightRuleReport" -> new Answer(200, report(request.form().get("RuleName")));
            case "GetMetricData" -> new Answer(200, "<GetMetricDataResponse " + CLOUDWATCH + "><GetMetricDataResult><MetricDataResults>"
                    + metricData(request.form()) + "</MetricDataResults></GetMetricDataResult><ResponseMetadata><RequestId>m1</RequestId>"
                    + "</ResponseMetadata></GetMetricDataResponse>");
            default -> new Answer(400, "{\"__type\": \"com.amazon.coral.validate#ValidationException\", \"message\": \"unexpected "
                    + operation + "\"}");
        };
    }

    private String describe(String index) {
        String status = statuses.getOrDefault(index, "DISABLED");
        ObjectNode answer = Json.MAPPER.createObjectNode().put("TableName", TABLE);
        if (!index.isEmpty()) {
            answer.put("IndexName", index);
        }
        answer.put("ContributorInsightsStatus", status).put("LastUpdateDateTime", 1.7e9);
        if (status.startsWith("ENABL")) {
            answer.put("ContributorInsightsMode", "ACCESSED_AND_THROTTLED_KEYS");
            ArrayNode rules = answer.putArray("ContributorInsightsRuleList");
            (index.isEmpty() ? List.of(PKC, SKC, PKT, SKT) : List.of(PKC.replace("orders", "orders-byStatus"))).forEach(rules::add);
        }
        if (status.equals("FAILED") && failure != null) {
            answer.set("FailureException", json(failure));
        }
        return answer.toString();
    }

    /** ENABLE answers ENABLING and DISABLE DISABLING; the next describe finds it done. */
    private String update(JsonNode request) {
        String index = request.path("IndexName").asText("");
        boolean enable = request.path("ContributorInsightsAction").asText().equals("ENABLE");
        statuses.put(index, enable ? "ENABLED" : "DISABLED");
        ObjectNode answer = Json.MAPPER.createObjectNode().put("TableName", TABLE);
        if (!index.isEmpty()) {
            answer.put("IndexName", index);
        }
        return answer.put("ContributorInsightsStatus", enable ? "ENABLING" : "DISABLING").toString();
    }

    /** A result for each query of a throttle metric given to {@link #throttled}, matched by its metric and index dimension. */
    private String metricData(Map<String, String> form) {
        StringBuilder results = new StringBuilder();
        String at = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(2)).toString();
        for (int n = 1; form.containsKey("MetricDataQueries.member." + n + ".Id"); n++) {
            String query = "MetricDataQueries.member." + n + ".MetricStat.Metric.";
            String index = "";
            for (int d = 1; form.containsKey(query + "Dimensions.member." + d + ".Name"); d++) {
                if (form.get(query + "Dimensions.member." + d + ".Name").equals("GlobalSecondaryIndexName")) {
                    index = form.get(query + "Dimensions.member." + d + ".Value");
                }
            }
            Double events = throttles.get(form.get(query + "MetricName") + " " + index);
            if (events != null) {
                results.append("<member><Id>").append(form.get("MetricDataQueries.member." + n + ".Id")).append("</Id><Timestamps><member>")
                        .append(at).append("</member></Timestamps><Values><member>").append(events)
                        .append("</member></Values><StatusCode>Complete</StatusCode></member>");
            }
        }
        return results.toString();
    }

    private String report(String rule) {
        StringBuilder contributors = new StringBuilder();
        for (Contributor contributor : reports.getOrDefault(rule, List.of())) {
            contributors.append("<member><Keys>");
            contributor.keys().forEach(key -> contributors.append("<member>").append(key).append("</member>"));
            contributors.append("</Keys><ApproximateAggregateValue>").append(contributor.count())
                    .append("</ApproximateAggregateValue><Datapoints/></member>");
        }
        return "<GetInsightRuleReportResponse " + CLOUDWATCH + "><GetInsightRuleReportResult><AggregationStatistic>Sum"
                + "</AggregationStatistic><Contributors>" + contributors + "</Contributors></GetInsightRuleReportResult>"
                + "<ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></GetInsightRuleReportResponse>";
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
