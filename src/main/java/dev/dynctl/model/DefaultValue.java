package dev.dynctl.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dynctl.codec.AttributeCodec;
import java.time.Instant;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What an absent attribute is given: a fixed value, the current time ({@code now}) or a random UUID ({@code uuid}). */
public sealed interface DefaultValue {
    AttributeValue produce(Instant now);

    /** As the project file spells it, for {@code schema show}. */
    JsonNode toJson();

    record Literal(AttributeValue value) implements DefaultValue {
        @Override
        public AttributeValue produce(Instant now) {
            return value;
        }

        @Override
        public JsonNode toJson() {
            return AttributeCodec.toJson(value);
        }
    }

    /** The time of the write, in the date attribute's format. */
    record Now(DateFormat format) implements DefaultValue {
        @Override
        public AttributeValue produce(Instant now) {
            return format.format(now);
        }

        @Override
        public JsonNode toJson() {
            return TextNode.valueOf("now");
        }
    }

    /** A random (version 4) UUID as text. */
    record Uuid() implements DefaultValue {
        @Override
        public AttributeValue produce(Instant now) {
            return AttributeValue.fromS(UUID.randomUUID().toString());
        }

        @Override
        public JsonNode toJson() {
            return TextNode.valueOf("uuid");
        }
    }
}
