package dev.dynctl.dynamo;

import dev.dynctl.metrics.MetricQuery;
import dev.dynctl.metrics.MetricReader;
import dev.dynctl.metrics.MetricSeries;
import dev.dynctl.metrics.MetricWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * A table's (or a global index's) metrics from CloudWatch, namespace AWS/DynamoDB, over a window:
 * consumed against provisioned capacity, throttling, latency and errors, read in one
 * GetMetricData call. DynamoDB publishes a metric only for periods with something to count.
 */
public final class TableMetrics {
    static final String NAMESPACE = "AWS/DynamoDB";
    /**
     * The operations DynamoDB publishes latency, throttled requests and system errors for, per
     * table (GetRecords, the streams' read, is published per stream and left out).
     */
    static final List<String> OPERATIONS = List.of("GetItem", "BatchGetItem", "Query", "Scan", "PutItem", "UpdateItem", "DeleteItem",
            "BatchWriteItem", "TransactGetItems", "TransactWriteItems", "ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction");
    private static final List<String> LATENCY_STATS = List.of("Average", "Maximum", "p99");

    private final DynamoDbClient dynamo;
    private final MetricReader reader;
    private final String where;

    public TableMetrics(DynamoDbClient dynamo, MetricReader reader, String where) {
        this.dynamo = dynamo;
        this.reader = reader;
        this.where = where;
    }

    /**
     * One row of the reading.
     *
     * @param total the metric's values added up over the window, for a Sum (units consumed,
     *              events, errors); null for an average, a maximum or a percentile
     * @param series the values as shown: consumed capacity per second, the others as CloudWatch
     *               computed them
     */
    public record Row(TableMetric metric, Double total, MetricSeries<TableMetric> series) {
    }

    /**
     * @param provisioned the table's (or index's) provisioned capacity now, as DescribeTable has it;
     *                    null when it is on-demand: it has no provisioned capacity, and no rows for it
     * @param unread the metrics the engine could not compute (percentiles), whose rows are empty
     */
    public record Report(String table, String index, ProvisionedThroughputDescription provisioned, MetricWindow window, List<Row> rows,
            List<TableMetric> unread) {
        public boolean onDemand() {
            return provisioned == null;
        }
    }

    /**
     * Reads the table's metrics, or with {@code index} its global index's (capacity and throttle
     * events: DynamoDB publishes nothing else per index). Rows of metrics kept per operation are
     * there for the operations with data in the window; when none has any, one row with no
     * operation says so.
     */
    public Report read(String table, String index, Duration since, Duration period, Instant now) {
        TableDescription description = MissingTable.describe(dynamo, table, where);
        if (index != null) {
            MissingIndex.requireGlobal(description, index, where, "it has no metrics of its own, its reads and writes count in the table's");
        }
        ProvisionedThroughputDescription provisioned = null;
        if (TableDescriptions.billingMode(description) != BillingMode.PAY_PER_REQUEST) {
            provisioned = index == null ? description.provisionedThroughput() : description.globalSecondaryIndexes().stream()
                    .filter(gsi -> gsi.indexName().equals(index)).findFirst().orElseThrow().provisionedThroughput();
        }
        MetricWindow window = MetricWindow.ending(now, since, period);
        MetricReader.Reading<TableMetric> reading = reader.read(queries(table, index, provisioned == null), window);
        return new Report(table, index, provisioned, window, rows(reading.series()), reading.unread());
    }

    private static List<MetricQuery<TableMetric>> queries(String table, String index, boolean onDemand) {
        List<Dimension> own = dimensions(table, index);
        List<TableMetric> capacity = new ArrayList<>();
        for (String direction : List.of("Read", "Write")) {
            capacity.add(TableMetric.consumed("Consumed" + direction + "CapacityUnits"));
            if (!onDemand) {
                capacity.add(TableMetric.provisioned("Provisioned" + direction + "CapacityUnits"));
            }
        }
        capacity.add(TableMetric.count("ReadThrottleEvents"));
        capacity.add(TableMetric.count("WriteThrottleEvents"));
        List<MetricQuery<TableMetric>> queries = new ArrayList<>(capacity.stream().map(metric -> query(metric, own)).toList());
        if (index != null) {
            return queries;
        }
        for (String operation : OPERATIONS) {
            queries.add(perOperation(table, TableMetric.perOperation("ThrottledRequests", operation, "Sum", TableMetric.COUNT)));
        }
        for (String operation : OPERATIONS) {
            for (String stat : LATENCY_STATS) {
                queries.add(perOperation(table, TableMetric.perOperation("SuccessfulRequestLatency", operation, stat, TableMetric.MILLISECONDS)));
            }
        }
        for (String operation : OPERATIONS) {
            queries.add(perOperation(table, TableMetric.perOperation("SystemErrors", operation, "Sum", TableMetric.COUNT)));
        }
        // published without dimensions: the 400s of every table in the account and region
        queries.add(query(TableMetric.count("UserErrors"), List.of()));
        return queries;
    }

    /** The dimensions DynamoDB publishes a table's metrics with, and a global index's. */
    static List<Dimension> dimensions(String table, String index) {
        List<Dimension> dimensions = new ArrayList<>();
        dimensions.add(dimension("TableName", table));
        if (index != null) {
            dimensions.add(dimension("GlobalSecondaryIndexName", index));
        }
        return dimensions;
    }

    static MetricQuery<TableMetric> query(TableMetric metric, List<Dimension> dimensions) {
        return new MetricQuery<>(NAMESPACE, metric, dimensions);
    }

    private static MetricQuery<TableMetric> perOperation(String table, TableMetric metric) {
        return query(metric, List.of(dimension("TableName", table), dimension("Operation", metric.operation())));
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    /** A metric kept per operation, for one operation: its statistics have data together or not at all. */
    private record OperationOf(String metric, String operation) {
    }

    private static List<Row> rows(List<MetricSeries<TableMetric>> series) {
        Set<OperationOf> withData = new HashSet<>();
        Set<String> metricsWithData = new HashSet<>();
        for (MetricSeries<TableMetric> one : series) {
            if (one.metric().operation() != null && !one.empty()) {
                withData.add(new OperationOf(one.metric().name(), one.metric().operation()));
                metricsWithData.add(one.metric().name());
            }
        }
        List<Row> rows = new ArrayList<>();
        Set<TableMetric> standIns = new HashSet<>();
        for (MetricSeries<TableMetric> one : series) {
            TableMetric metric = one.metric();
            if (metric.operation() == null || withData.contains(new OperationOf(metric.name(), metric.operation()))) {
                rows.add(row(one));
            } else if (!metricsWithData.contains(metric.name()) && standIns.add(metric.anyOperation())) {
                // no operation has data: one empty row per statistic stands for them all
                rows.add(row(new MetricSeries<>(metric.anyOperation(), one.start(), one.periodSeconds(), one.slots())));
            }
        }
        return rows;
    }

    private static Row row(MetricSeries<TableMetric> raw) {
        TableMetric metric = raw.metric();
        Double total = "Sum".equals(metric.stat()) ? raw.sum() : null;
        if (!metric.perSecond()) {
            return new Row(metric, total, raw);
        }
        List<Double> rates = raw.slots().stream().map(value -> value == null ? null : value / raw.periodSeconds()).toList();
        return new Row(metric, total, new MetricSeries<>(metric, raw.start(), raw.periodSeconds(), rates));
    }
}
