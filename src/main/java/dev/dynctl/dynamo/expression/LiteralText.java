package dev.dynctl.dynamo.expression;

import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A value as it is typed in an expression: 'text', 42, true, null, or JSON for the rest. */
final class LiteralText {
    private LiteralText() {
    }

    static String of(AttributeValue value) {
        return switch (value.type()) {
            case S -> quoted(value.s());
            case N -> value.n();
            case BOOL -> value.bool().toString();
            case NUL -> "null";
            default -> Json.write(Json.MAPPER.writer(), AttributeCodec.toJson(value));
        };
    }

    private static String quoted(String s) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }
}
