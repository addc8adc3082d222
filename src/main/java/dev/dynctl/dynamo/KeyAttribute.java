package dev.dynctl.dynamo;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** One attribute of a key schema: its name and its scalar type (S, N or B). */
public record KeyAttribute(String name, ScalarAttributeType type) {

    /** True when the value has this attribute's type, as DynamoDB will insist. */
    public boolean accepts(AttributeValue value) {
        return switch (type) {
            case S -> value.s() != null;
            case N -> value.n() != null;
            case B -> value.b() != null;
            default -> false;
        };
    }

    @Override
    public String toString() {
        return name + " (" + type + ")";
    }
}
