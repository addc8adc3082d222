package dev.dynctl.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.ShellWords;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Shared steps of the table tests: read a result's JSON, make and inspect tables behind dynctl's
 * back, put DynamoDB's metrics into the engine's CloudWatch, read the examples of a command's help.
 */
public final class TableTestSupport {
    private TableTestSupport() {
    }

    /** The result's standard output as JSON, after checking that it exited 0. */
    public static JsonNode json(Result result) {
        assertThat(result.code()).as(result.toString()).isZero();
        try {
            return Json.MAPPER.readTree(result.out());
        } catch (IOException e) {
            throw new UncheckedIOException(result.toString(), e);
        }
    }

    /** JSON text as a tree, to compare with what was sent or printed whatever the order of its fields. */
    public static JsonNode tree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(json, e);
        }
    }

    /** An on-demand table with a string partition key {@code id}, made with the raw SDK. */
    public static String rawTable(String prefix) {
        String name = Engine.uniqueName(prefix);
        Engine.dynamo().createTable(b -> b.tableName(name)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        return name;
    }

    /** A provisioned table with a string partition key {@code id}, made with the raw SDK. */
    public static String provisionedTable(String prefix, long rcu, long wcu) {
        String name = Engine.uniqueName(prefix);
        Engine.dynamo().createTable(b -> b.tableName(name)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PROVISIONED).provisionedThroughput(p -> p.readCapacityUnits(rcu).writeCapacityUnits(wcu)));
        return name;
    }

    /** A provisioned table of {@code tableUnits} read and write units with a global index on {@code email} of {@code indexUnits}. */
    public static String tableWithIndex(String prefix, String index, long tableUnits, long indexUnits) {
        String name = Engine.uniqueName(prefix);
        Engine.dynamo().createTable(b -> b.tableName(name)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("email").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(tableUnits).writeCapacityUnits(tableUnits))
                .globalSecondaryIndexes(g -> g.indexName(index).keySchema(k -> k.attributeName("email").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .provisionedThroughput(p -> p.readCapacityUnits(indexUnits).writeCapacityUnits(indexUnits))));
        return name;
    }

    /** Puts one data point of a DynamoDB metric into the engine's CloudWatch, as DynamoDB would publish it. */
    public static void putMetric(Instant at, List<Dimension> dimensions, String metric, StandardUnit unit, double value) {
        MetricDatum datum = MetricDatum.builder().metricName(metric).dimensions(dimensions).unit(unit).value(value).timestamp(at).build();
        Engine.cloudWatch().putMetricData(b -> b.namespace("AWS/DynamoDB").metricData(datum));
    }

    public static Dimension dim(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    /** The example command lines of a help footer, continuation lines joined and comments dropped, split into words. */
    public static List<List<String>> examples(String[] footer) {
        List<List<String>> examples = new ArrayList<>();
        StringBuilder current = null;
        for (String line : footer) {
            if (current == null && !line.startsWith("  dynctl ")) {
                continue;
            }
            String text = line.replaceFirst("\\s+#\\s.*$", "").trim();
            current = current == null ? new StringBuilder(text) : current.append(' ').append(text);
            if (text.endsWith("\\")) {
                current.setLength(current.length() - 1);
            } else {
                examples.add(ShellWords.split(current.toString()));
                current = null;
            }
        }
        return examples;
    }

    public static TableDescription describe(String name) {
        return Engine.dynamo().describeTable(b -> b.tableName(name)).table();
    }

    static boolean exists(String name) {
        try {
            describe(name);
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    static Map<String, String> tags(String name) {
        return Engine.dynamo().listTagsOfResource(b -> b.resourceArn(describe(name).tableArn())).tags().stream()
                .collect(Collectors.toMap(t -> t.key(), t -> t.value()));
    }
}
