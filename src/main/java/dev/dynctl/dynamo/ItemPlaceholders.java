package dev.dynctl.dynamo;

import dev.dynctl.dynamo.expression.AttributePath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The #name and :value placeholders of one request's expressions. Every attribute name goes
 * through a placeholder, so reserved words (status, name, data, ...) and odd characters just work.
 *
 * <p>Paths reach into maps and lists: {@code address.city}, {@code tags[0]}, {@code a.b[2].c}.
 */
public final class ItemPlaceholders {
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    /** The placeholder of one attribute name; the same name always gets the same placeholder. */
    public String name(String attribute) {
        return names.computeIfAbsent(attribute, a -> "#n" + names.size());
    }

    public String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    /** A document path as the options take it ({@link AttributePath#plain}) with every name replaced: "a.b[0]" becomes "#n0.#n1[0]". */
    public String path(String path) {
        return AttributePath.plain(path).compile(this);
    }

    /** A ProjectionExpression for --attrs. */
    public String projection(List<String> paths) {
        return paths.stream().map(this::path).collect(Collectors.joining(", "));
    }

    /** ExpressionAttributeNames, or null when there are none (the API rejects an empty map). */
    public Map<String, String> names() {
        if (names.isEmpty()) {
            return null;
        }
        Map<String, String> byPlaceholder = new LinkedHashMap<>();
        names.forEach((attribute, placeholder) -> byPlaceholder.put(placeholder, attribute));
        return byPlaceholder;
    }

    /** ExpressionAttributeValues, or null when there are none. */
    public Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : values;
    }
}
