package dev.dynctl.dynamo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which item a key names, as DynamoDB sees it: numbers by value ({@code 5}, {@code 5.0} and
 * {@code 5E0} are one key), strings and binaries by content. Batches and transactions must not
 * name one item twice, and BatchGetItem's answers are matched back to the keys asked for.
 */
record KeyIdentity(List<Object> values) {

    /** The identity of the item with these attributes (a key, or a whole item). */
    static KeyIdentity of(List<String> keyNames, Map<String, AttributeValue> attributes) {
        return new KeyIdentity(keyNames.stream().map(name -> value(attributes.get(name))).toList());
    }

    private static Object value(AttributeValue value) {
        if (value == null) {
            return List.of();
        }
        if (value.n() != null) {
            return new BigDecimal(value.n()).stripTrailingZeros();
        }
        // S and B never compare equal to each other, nor to a number: a key attribute has one type
        return value.s() != null ? value.s() : value.b() != null ? value.b() : value;
    }
}
