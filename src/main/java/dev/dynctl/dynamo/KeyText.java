package dev.dynctl.dynamo;

import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A key as users type it after --key, for messages: {@code id=u1, created=5}. */
public final class KeyText {
    private KeyText() {
    }

    public static String of(Map<String, AttributeValue> key) {
        return key.entrySet().stream()
                .map(e -> e.getKey() + "=" + scalar(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String scalar(AttributeValue value) {
        if (value.s() != null) {
            return value.s();
        }
        if (value.n() != null) {
            return value.n();
        }
        return Base64.getEncoder().encodeToString(value.b().asByteArrayUnsafe());
    }
}
