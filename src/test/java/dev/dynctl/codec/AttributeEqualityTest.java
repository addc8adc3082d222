package dev.dynctl.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class AttributeEqualityTest {
    @Test
    void valuesAreEqualAsDynamoDbComparesThem() {
        assertThat(AttributeEquality.same(AttributeValue.fromN("1.50"), AttributeValue.fromN("1.5"))).isTrue();
        assertThat(AttributeEquality.same(AttributeValue.fromN("1"), AttributeValue.fromS("1"))).isFalse();
        assertThat(AttributeEquality.same(AttributeValue.fromSs(List.of("a", "b")), AttributeValue.fromSs(List.of("b", "a")))).isTrue();
        assertThat(AttributeEquality.same(AttributeValue.fromNs(List.of("1", "2.0")), AttributeValue.fromNs(List.of("2", "1.00")))).isTrue();
        assertThat(AttributeEquality.same(AttributeValue.fromL(List.of(AttributeValue.fromN("1"))),
                AttributeValue.fromL(List.of(AttributeValue.fromN("1.0"))))).isTrue();
        assertThat(AttributeEquality.same(AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromN("2"))),
                AttributeValue.fromL(List.of(AttributeValue.fromN("2"), AttributeValue.fromN("1"))))).isFalse();
        assertThat(AttributeEquality.same(AttributeValue.fromM(Map.of("a", AttributeValue.fromN("1"))),
                AttributeValue.fromM(Map.of("a", AttributeValue.fromN("1.0"))))).isTrue();
        assertThat(AttributeEquality.same(AttributeValue.fromM(Map.of("a", AttributeValue.fromN("1"))),
                AttributeValue.fromM(Map.of("b", AttributeValue.fromN("1"))))).isFalse();
        assertThat(AttributeEquality.same(null, AttributeValue.fromS("x"))).isFalse();
        assertThat(AttributeEquality.same(null, null)).isFalse();
    }
}
