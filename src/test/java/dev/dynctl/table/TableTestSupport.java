package dev.dynctl.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Shared steps of the table tests: read a result's JSON, make and inspect tables behind dynctl's back. */
final class TableTestSupport {
    private TableTestSupport() {
    }

    static JsonNode json(Result result) {
        assertThat(result.code()).as(result.toString()).isZero();
        try {
            return Json.MAPPER.readTree(result.out());
        } catch (IOException e) {
            throw new UncheckedIOException(result.toString(), e);
        }
    }

    /** An on-demand table with a string partition key {@code id}, made with the raw SDK. */
    static String rawTable(String prefix) {
        String name = Engine.uniqueName(prefix);
        Engine.dynamo().createTable(b -> b.tableName(name)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        return name;
    }

    static TableDescription describe(String name) {
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
