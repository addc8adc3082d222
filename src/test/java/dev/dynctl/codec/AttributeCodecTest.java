package dev.dynctl.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.error.DynctlException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class AttributeCodecTest {
    @Test
    void plainJsonSpellsTheTypesJsonLacksAsTags() throws Exception {
        Map<String, AttributeValue> item = Map.of(
                "ss", AttributeValue.fromSs(List.of("a", "b")),
                "ns", AttributeValue.fromNs(List.of("1", "2.5")),
                "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, 2})),
                "bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {9}))));
        String json = Json.MAPPER.writeValueAsString(AttributeCodec.toJson(item));
        assertThat(json).contains("\"ss\":{\"$set\":[\"a\",\"b\"]}", "\"ns\":{\"$set\":[1,2.5]}",
                "\"b\":{\"$binary\":\"AAEC\"}", "\"bs\":{\"$set\":[{\"$binary\":\"CQ==\"}]}");
    }

    @Test
    void thirtyEightDigitNumbersStayExact() throws Exception {
        String big = "12345678901234567890123456789012345678";
        String small = "0.00000000000000000000000000000000000123";
        var item = AttributeCodec.fromJson(Json.MAPPER.readTree("{\"big\": " + big + ", \"small\": " + small + "}"));
        assertThat(item.get("big").n()).isEqualTo(big);
        assertThat(item.get("small").n()).isEqualTo(small);
        assertThat(Json.MAPPER.writeValueAsString(AttributeCodec.toJson(item))).contains(big, small);
    }

    @Test
    void detectsDynamoJsonAndTheExportWrapper() throws Exception {
        var ddb = Json.MAPPER.readTree("{\"Item\": {\"id\": {\"S\": \"u1\"}, \"n\": {\"N\": \"5\"}}}");
        assertThat(AttributeCodec.fromAnyJson(ddb)).containsEntry("n", AttributeValue.fromN("5"));
        var plain = Json.MAPPER.readTree("{\"id\": \"u1\", \"S\": {\"S\": \"x\"}}");
        assertThat(AttributeCodec.fromAnyJson(plain).get("id")).isEqualTo(AttributeValue.fromS("u1"));
    }

    @Test
    void mixedSetsAndEmptySetsAreUsageErrors() throws Exception {
        assertThatThrownBy(() -> AttributeCodec.fromJson(Json.MAPPER.readTree("{\"s\": {\"$set\": [\"a\", 1]}}")))
                .isInstanceOf(DynctlException.class).hasMessageContaining("one type");
        assertThatThrownBy(() -> AttributeCodec.fromJson(Json.MAPPER.readTree("{\"s\": {\"$set\": []}}")))
                .isInstanceOf(DynctlException.class).hasMessageContaining("non-empty");
    }

    @Test
    void yamlKeepsStringsThatLookLikeOtherTypes() throws Exception {
        Map<String, AttributeValue> item = new java.util.LinkedHashMap<>();
        for (String s : List.of("true", "false", "null", "yes", "no", "on", "off", "~", "0x1F", "1e3", "", "012", ".5", "+1", "-2", ".inf", "-.Inf", ".NaN", "0o17", "1_000", "12:30:00", "2024-01-01", "- a", "a: b")) {
            item.put("k" + item.size(), AttributeValue.fromS(s));
        }
        String yaml = Json.YAML.writeValueAsString(AttributeCodec.toJson(item));
        assertThat(AttributeCodec.fromJson(Json.YAML.readTree(yaml))).isEqualTo(item);
    }
}
