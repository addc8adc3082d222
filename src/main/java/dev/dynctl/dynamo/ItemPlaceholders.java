package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The #name and :value placeholders of one request's expressions. Every attribute name goes
 * through a placeholder, so reserved words (status, name, data, ...) and odd characters just work.
 *
 * <p>Paths reach into maps and lists: {@code address.city}, {@code tags[0]}, {@code a.b[2].c}.
 */
public final class ItemPlaceholders {
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+])*)");

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

    /** A document path with every name replaced: "a.b[0]" becomes "#n0.#n1[0]". */
    public String path(String path) {
        String[] segments = path.trim().split("\\.", -1);
        StringBuilder expression = new StringBuilder();
        for (String segment : segments) {
            Matcher m = SEGMENT.matcher(segment.trim());
            if (!m.matches()) {
                throw DynctlException.usage("'" + path + "' is not an attribute path.",
                        "Use a name, a nested name such as address.city, or a list element such as tags[0].");
            }
            if (expression.length() > 0) {
                expression.append('.');
            }
            expression.append(name(m.group(1))).append(m.group(2));
        }
        return expression.toString();
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
