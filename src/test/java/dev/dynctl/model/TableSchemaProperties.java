package dev.dynctl.model;

import static dev.dynctl.model.ProjectFiles.n;
import static dev.dynctl.model.ProjectFiles.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Whatever a put is given, what prepareForPut lets through conforms to the schema, and preparing it
 * again changes nothing: a write never stores an item that schema check would report.
 */
class TableSchemaProperties {
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final List<String> NAMES = List.of("id", "email", "age", "role", "joined", "token", "tags", "nick", "address",
            "scores", "extra", "avatar", "active", "createdAt", "rev", "unknown");

    private static Path dir;
    private static TableSchema schema;

    @BeforeContainer
    static void load() throws IOException {
        dir = Files.createTempDirectory("schema-properties");
        schema = ProjectFiles.usersSchema(dir, TableSchemaTest.SCHEMA);
    }

    @AfterContainer
    static void clean() {
        try {
            Files.deleteIfExists(dir.resolve(ProjectFile.FILE_NAME));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 500)
    void whatAPutLetsThroughConformsAndIsStable(@ForAll("items") Map<String, AttributeValue> item) {
        Map<String, AttributeValue> prepared;
        try {
            prepared = schema.prepareForPut(item, NOW);
            Statistics.collect("accepted");
        } catch (SchemaViolationException refused) {
            Statistics.collect("refused");
            assertThat(refused.violations()).isNotEmpty();
            assertThat(refused.violations()).allSatisfy(v -> assertThat(v.path()).isNotEmpty());
            return;
        }
        assertThat(schema.violations(prepared)).isEmpty();
        assertThat(schema.prepareForPut(prepared, NOW)).isEqualTo(prepared);
    }

    @Provide
    Arbitrary<Map<String, AttributeValue>> items() {
        // most items carry the required attributes, so that many are accepted and the property has work to do
        Arbitrary<Map<String, AttributeValue>> required = Arbitraries.of(
                Map.of("id", s("u1"), "email", s(" Ada@Example.com ")), Map.of("id", s("u2"), "email", s("bob@x.org")), Map.of());
        return Combinators.combine(required, Arbitraries.maps(Arbitraries.of(NAMES), values()).ofMaxSize(4))
                .as((base, extra) -> {
                    Map<String, AttributeValue> item = new HashMap<>(extra);
                    item.putAll(base);
                    return item;
                });
    }

    private static Arbitrary<AttributeValue> values() {
        Arbitrary<AttributeValue> strings = Arbitraries.of(" Ada@Example.com ", "bob@x.org", "no-at-sign", "admin", "user", "root",
                "2024-05-01", "2024-05-01T10:00:00+02:00", "", "  ").map(AttributeValue::fromS);
        Arbitrary<AttributeValue> numbers = Arbitraries.integers().between(-5, 200).map(i -> n(Integer.toString(i)));
        Arbitrary<AttributeValue> lists = Arbitraries.oneOf(strings, numbers).list().ofMaxSize(4).map(AttributeValue::fromL);
        Arbitrary<AttributeValue> maps = Arbitraries.maps(Arbitraries.of("city", "zip", "street"), Arbitraries.oneOf(strings, numbers))
                .ofMaxSize(3).map(AttributeValue::fromM);
        Arbitrary<AttributeValue> sets = Arbitraries.of("a", "B", " c ").set().ofMinSize(1).ofMaxSize(4)
                .map(set -> AttributeValue.fromSs(List.copyOf(set)));
        Arbitrary<AttributeValue> others = Arbitraries.of(AttributeValue.fromBool(true), AttributeValue.fromNul(true), s("x"));
        return Arbitraries.oneOf(strings, numbers, lists, maps, sets, others);
    }
}
