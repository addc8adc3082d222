package dev.dynctl.model;

import static dev.dynctl.model.ProjectFiles.n;
import static dev.dynctl.model.ProjectFiles.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.error.ExitCode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the write and read paths get from a schema: prepared items, checked values, violations. */
class TableSchemaTest {
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final String SCHEMA = """
            saveUnknown: false
            timestamps: true
            version: rev
            attributes:
              id: {type: string, required: true}
              email: {type: string, required: true, set: [trim, lowercase], validate: {regex: '^[^@]+@[^@]+$'}}
              age: {type: number, validate: {min: 0, max: 150}}
              role: {type: string, enum: [admin, user], default: user}
              joined: {type: date, default: now}
              token: {type: string, default: uuid}
              tags: {type: stringSet, validate: {maxLength: 3}}
              nick: {type: string, get: [uppercase]}
              address: {type: map, attributes: {city: {type: string, required: true}, zip: {type: string, default: '0000'}}}
              scores: {type: list, items: {type: number, validate: {min: 0}}}
              extra: {type: map}
              avatar: {type: binary, validate: {maxLength: 4}}
              active: boolean
            """;

    @TempDir
    Path dir;
    TableSchema schema;

    @BeforeEach
    void load() {
        schema = ProjectFiles.usersSchema(dir, SCHEMA);
    }

    static Map<String, AttributeValue> item(Object... namesAndValues) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        }
        return item;
    }

    static Map<String, AttributeValue> valid() {
        return item("id", s("u1"), "email", s("ada@example.com"));
    }

    private List<String> broken(Map<String, AttributeValue> item) {
        return schema.violations(item).stream().map(Violation::toString).toList();
    }

    @Test
    void aPutGetsTransformsDefaultsAndTimestamps() {
        Map<String, AttributeValue> put = schema.prepareForPut(item("id", s("u1"), "email", s("  Ada@Example.COM "),
                "address", AttributeValue.fromM(Map.of("city", s("Oslo")))), NOW);

        assertThat(put.get("email")).isEqualTo(s("ada@example.com"));
        assertThat(put.get("role")).isEqualTo(s("user"));
        assertThat(put.get("joined")).isEqualTo(s("2024-05-01T12:00:00.000Z"));
        assertThat(put.get("token").s()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(put.get("address").m()).containsEntry("city", s("Oslo")).containsEntry("zip", s("0000"));
        assertThat(put.get("createdAt")).isEqualTo(s("2024-05-01T12:00:00.000Z"));
        assertThat(put.get("updatedAt")).isEqualTo(s("2024-05-01T12:00:00.000Z"));
        assertThat(put).doesNotContainKeys("nick", "rev", "age");
    }

    @Test
    void aPutKeepsCreatedAtAndGivenValuesButAlwaysStampsUpdatedAt() {
        Map<String, AttributeValue> item = valid();
        item.put("createdAt", s("2020-01-01T00:00:00.000Z"));
        item.put("updatedAt", s("2020-01-01T00:00:00.000Z"));
        item.put("role", s("admin"));

        Map<String, AttributeValue> put = schema.prepareForPut(item, NOW);

        assertThat(put.get("createdAt")).isEqualTo(s("2020-01-01T00:00:00.000Z"));
        assertThat(put.get("updatedAt")).isEqualTo(s("2024-05-01T12:00:00.000Z"));
        assertThat(put.get("role")).isEqualTo(s("admin"));
        assertThat(item).as("the input is left alone").doesNotContainKey("token");
    }

    @Test
    void aViolationIsAUsageErrorNamingPathRuleAndValue() {
        Map<String, AttributeValue> item = valid();
        item.put("age", n("200"));

        assertThatThrownBy(() -> schema.prepareForPut(item, NOW))
                .isInstanceOf(SchemaViolationException.class)
                .hasMessage("Refused by the schema of table 'users': age is 200, above the maximum 150 [max].")
                .satisfies(e -> {
                    SchemaViolationException violation = (SchemaViolationException) e;
                    assertThat(violation.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(violation.hint()).isEqualTo("The schema of table 'users' is in " + dir.resolve("dynctl.yaml") + ".");
                    assertThat(violation.violations()).containsExactly(new Violation("age", "max", "is 200, above the maximum 150"));
                });
    }

    @Test
    void everyTypeIsChecked() {
        Map<String, AttributeValue> item = valid();
        item.put("age", s("12"));
        item.put("joined", s("yesterday"));
        item.put("tags", s("a"));
        item.put("address", s("Oslo"));
        item.put("scores", AttributeValue.fromM(Map.of()));
        item.put("avatar", s("AAA="));
        item.put("active", s("true"));
        item.put("nick", AttributeValue.fromNul(true));

        assertThat(broken(item)).containsExactly(
                "age should be a number but is a string (\"12\") [type]",
                "joined should be an ISO-8601 date (2024-05-01T12:00:00Z or 2024-05-01) but is a string (\"yesterday\") [type]",
                "tags should be a string set but is a string (\"a\") [type]",
                "nick should be a string but is null [type]",
                "address should be a map but is a string (\"Oslo\") [type]",
                "scores should be a list but is a map [type]",
                "avatar should be a binary value but is a string (\"AAA=\") [type]",
                "active should be a boolean but is a string (\"true\") [type]");
    }

    @Test
    void requiredEnumRegexMinMaxAndLengthsAreChecked() {
        Map<String, AttributeValue> item = item("email", s("not-an-email"), "role", s("root"), "age", n("-1"),
                "tags", AttributeValue.fromSs(List.of("a", "b", "c", "d")),
                "avatar", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[5])));

        assertThat(broken(item)).containsExactly(
                "id is required but missing [required]",
                "email is \"not-an-email\", which does not match /^[^@]+@[^@]+$/ [regex]",
                "age is -1, below the minimum 0 [min]",
                "role is \"root\", not one of \"admin\", \"user\" [enum]",
                "tags has 4 elements, more than maxLength 3 [maxLength]",
                "avatar has 5 bytes, more than maxLength 4 [maxLength]");
    }

    @Test
    void nestedMapsAndListItemsAreCheckedWithTheirPaths() {
        Map<String, AttributeValue> item = valid();
        item.put("address", AttributeValue.fromM(Map.of("street", s("Main"))));
        item.put("scores", AttributeValue.fromL(List.of(n("1"), n("-2"), s("x"))));
        item.put("extra", AttributeValue.fromM(Map.of("anything", s("goes"))));

        assertThat(broken(item)).containsExactly(
                "address.city is required but missing [required]",
                "address.street is not declared in the schema, and saveUnknown is false [saveUnknown]",
                "scores[1] is -2, below the minimum 0 [min]",
                "scores[2] should be a number but is a string (\"x\") [type]");
    }

    @Test
    void saveUnknownFalseRefusesUndeclaredAttributes() {
        Map<String, AttributeValue> item = valid();
        item.put("nickname", s("Ada"));

        assertThat(broken(item)).containsExactly("nickname is not declared in the schema, and saveUnknown is false [saveUnknown]");
        assertThat(ProjectFiles.usersSchema(dir, "attributes: {id: string}").violations(item)).isEmpty();
    }

    @Test
    void timestampsAndVersionAreKnownAttributesOfTheirType() {
        Map<String, AttributeValue> item = valid();
        item.put("rev", s("one"));
        item.put("createdAt", n("1714564800000"));

        assertThat(broken(item)).containsExactly(
                "createdAt should be an ISO-8601 date (2024-05-01T12:00:00Z or 2024-05-01) but is a number (1714564800000) [type]",
                "rev should be a number but is a string (\"one\") [type]");
        assertThat(schema.versionAttribute()).contains("rev");
    }

    @Test
    void timestampsCanBeRenamedSwitchedOffAndStoredAsEpochNumbers() {
        TableSchema epoch = ProjectFiles.usersSchema(dir, """
                timestamps: {createdAt: created, updatedAt: false, format: epoch-ms}
                attributes:
                  seen: {type: date, format: epoch, default: now}
                """);

        Map<String, AttributeValue> put = epoch.prepareForPut(Map.of(), NOW);

        assertThat(put).containsEntry("created", n("1714564800000")).containsEntry("seen", n("1714564800")).doesNotContainKey("updatedAt");
        assertThat(epoch.updateTimestamps(NOW)).isEqualTo(new TimestampUpdates(Map.of(), Map.of("created", n("1714564800000"))));
    }

    @Test
    void anUpdateSetsUpdatedAtAndCreatedAtOnlyIfAbsent() {
        TimestampUpdates updates = schema.updateTimestamps(NOW);

        assertThat(updates.set()).containsExactly(Map.entry("updatedAt", s("2024-05-01T12:00:00.000Z")));
        assertThat(updates.setIfAbsent()).containsExactly(Map.entry("createdAt", s("2024-05-01T12:00:00.000Z")));
        assertThat(ProjectFiles.usersSchema(dir, "attributes: {id: string}").updateTimestamps(NOW))
                .isEqualTo(new TimestampUpdates(Map.of(), Map.of()));
    }

    @Test
    void jsonListsBecomeTheSetsTheSchemaAsksFor() {
        Map<String, AttributeValue> item = valid();
        item.put("tags", AttributeValue.fromL(List.of(s("red"), s("blue"), s("red"))));

        assertThat(schema.prepareForPut(item, NOW).get("tags")).isEqualTo(AttributeValue.fromSs(List.of("red", "blue")));

        item.put("tags", AttributeValue.fromL(List.of()));
        assertThatThrownBy(() -> schema.prepareForPut(item, NOW))
                .hasMessageContaining("tags should be a string set but is a list (DynamoDB has no empty sets: leave the attribute out) [type]");
    }

    @Test
    void readsApplyGetTransformsAndLeaveTheRest() {
        Map<String, AttributeValue> stored = item("id", s("u1"), "nick", s("ada"), "other", s("ada"));

        assertThat(schema.prepareForRead(stored)).isEqualTo(item("id", s("u1"), "nick", s("ADA"), "other", s("ada")));
    }

    @Test
    void anUpdateLiteralIsTransformedAndCheckedAtItsPath() {
        assertThat(schema.prepareValue(List.of("email"), s(" BOB@x.org"), NOW)).isEqualTo(s("bob@x.org"));
        assertThat(schema.prepareValue(List.of("address"), AttributeValue.fromM(Map.of("city", s("Oslo"))), NOW))
                .isEqualTo(AttributeValue.fromM(Map.of("city", s("Oslo"), "zip", s("0000"))));
        assertThat(schema.prepareValue(List.of("scores", 3), n("7"), NOW)).isEqualTo(n("7"));
        assertThat(schema.prepareValue(List.of("extra", "deep", "x"), s("free"), NOW)).isEqualTo(s("free"));

        assertThatThrownBy(() -> schema.prepareValue(List.of("address", "city"), n("1"), NOW))
                .hasMessage("Refused by the schema of table 'users': address.city should be a string but is a number (1) [type].");
        assertThatThrownBy(() -> schema.prepareValue(List.of("address"), AttributeValue.fromM(Map.of()), NOW))
                .hasMessageContaining("address.city is required but missing [required]");
        assertThatThrownBy(() -> schema.prepareValue(List.of("scores", 0), n("-1"), NOW))
                .hasMessageContaining("scores[0] is -1, below the minimum 0 [min]");
        assertThatThrownBy(() -> schema.prepareValue(List.of("nickname"), s("x"), NOW))
                .hasMessageContaining("nickname is not declared in the schema, and saveUnknown is false [saveUnknown]");
        assertThatThrownBy(() -> schema.prepareValue(List.of("address", "street"), s("x"), NOW))
                .hasMessageContaining("address.street is not declared in the schema");
        assertThatThrownBy(() -> schema.prepareValue(List.of("age", "years"), n("1"), NOW))
                .hasMessageContaining("age is a number, not a map, so age.years cannot be written [type]");
        assertThatThrownBy(() -> schema.prepareValue(List.of("address", 0), n("1"), NOW))
                .hasMessageContaining("address is a map, not a list, so address[0] cannot be written [type]");
    }

    @Test
    void aComputedValueMayOnlyGoWhereTheSchemaAllows() {
        schema.checkComputed(List.of("age"));
        schema.checkComputed(List.of("extra", "count"));

        assertThatThrownBy(() -> schema.checkComputed(List.of("visits")))
                .isInstanceOf(SchemaViolationException.class)
                .hasMessageContaining("visits is not declared in the schema");
        assertThatThrownBy(() -> schema.checkComputed(List.of("email", "n")))
                .hasMessageContaining("email is a string, not a map");
    }

    @Test
    void aRequiredAttributeCannotBeRemoved() {
        schema.checkRemove(List.of("age"));
        schema.checkRemove(List.of("unknown"));

        assertThatThrownBy(() -> schema.checkRemove(List.of("email")))
                .hasMessage("Refused by the schema of table 'users': email is required and cannot be removed [required].");
        assertThatThrownBy(() -> schema.checkRemove(List.of("address", "city")))
                .hasMessageContaining("address.city is required and cannot be removed");
    }

    @Test
    void numbersInEnumsCompareByValue() {
        TableSchema levels = ProjectFiles.usersSchema(dir, "attributes: {level: {type: number, enum: [1, 2.5]}, "
                + "codes: {type: numberSet, enum: [1, 2]}}");

        assertThat(levels.violations(item("level", n("1.0")))).isEmpty();
        assertThat(levels.violations(item("level", n("2.50")))).isEmpty();
        assertThat(levels.violations(item("codes", AttributeValue.fromNs(List.of("1", "3"))))).extracting(Violation::toString)
                .containsExactly("codes holds 3, not one of 1, 2 [enum]");
    }

    @Test
    void aStringSetsElementsAreTransformedAndCheckedOneByOne() {
        TableSchema tags = ProjectFiles.usersSchema(dir, "attributes: {tags: {type: stringSet, set: [trim, lowercase], "
                + "enum: [red, blue], validate: {regex: '^[a-z]+$'}}}");

        assertThat(tags.prepareForPut(item("tags", AttributeValue.fromSs(List.of(" Red", "red", "BLUE"))), NOW).get("tags"))
                .isEqualTo(AttributeValue.fromSs(List.of("red", "blue")));
        assertThatThrownBy(() -> tags.prepareForPut(item("tags", AttributeValue.fromL(List.of(s("green")))), NOW))
                .hasMessageContaining("tags holds \"green\", not one of \"red\", \"blue\" [enum]");
    }

    @Test
    void minAndMaxLengthCountCharactersNotBytes() {
        TableSchema names = ProjectFiles.usersSchema(dir, "attributes: {name: {type: string, validate: {minLength: 1, maxLength: 3}}}");

        assertThat(names.violations(item("name", s("😀é😀")))).isEmpty();
        assertThat(names.violations(item("name", s("")))).extracting(Violation::toString)
                .containsExactly("name has 0 characters, fewer than minLength 1 [minLength]");
    }

    @Test
    void datesAcceptIsoWithAnOffsetOrAPlainDate() {
        TableSchema dates = ProjectFiles.usersSchema(dir, "attributes: {d: date}");

        for (String ok : List.of("2024-05-01T12:00:00Z", "2024-05-01T12:00:00.123+02:00", "2024-05-01")) {
            assertThat(dates.violations(item("d", s(ok)))).as(ok).isEmpty();
        }
        for (String bad : List.of("2024-05-01T12:00:00", "01/05/2024", "2024-13-01")) {
            assertThat(dates.violations(item("d", s(bad)))).as(bad).hasSize(1);
        }
    }

    @Test
    void defaultsOfEveryKindAreReadAsTheirType() {
        TableSchema defaults = ProjectFiles.usersSchema(dir, """
                attributes:
                  zip: {type: string, default: 0123}
                  answer: {type: string, default: no}
                  n: {type: number, default: 1.50}
                  ok: {type: boolean, default: false}
                  b: {type: binary, default: AAE=}
                  l: {type: list, default: [1, a, '2']}
                  m: {type: map, default: {k: v}}
                  ss: {type: stringSet, default: [a, b]}
                  ns: {type: numberSet, default: [1, 2]}
                """);

        Map<String, AttributeValue> put = defaults.prepareForPut(Map.of(), NOW);

        assertThat(put).containsEntry("zip", s("0123")).containsEntry("answer", s("no")).containsEntry("n", n("1.50"))
                .containsEntry("ok", AttributeValue.fromBool(false))
                .containsEntry("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1})))
                .containsEntry("l", AttributeValue.fromL(List.of(n("1"), s("a"), s("2"))))
                .containsEntry("m", AttributeValue.fromM(Map.of("k", s("v"))))
                .containsEntry("ss", AttributeValue.fromSs(List.of("a", "b")))
                .containsEntry("ns", AttributeValue.fromNs(List.of("1", "2")));
    }

    @Test
    void describeListsEveryAttributeWithItsSettings() {
        List<String> rows = schema.describe().stream().map(r -> r.get("attribute").asText()).toList();

        assertThat(rows).containsExactly("(item)", "id", "email", "age", "role", "joined", "token", "tags", "nick", "address",
                "address.city", "address.zip", "scores", "scores[]", "extra", "avatar", "active", "createdAt", "updatedAt", "rev");
        assertThat(schema.describe().get(0).get("saveUnknown").asBoolean()).isFalse();
        assertThat(schema.describe().get(5).toString())
                .isEqualTo("{\"attribute\":\"joined\",\"type\":\"date\",\"format\":\"iso\",\"required\":false,\"default\":\"now\"}");
    }
}
