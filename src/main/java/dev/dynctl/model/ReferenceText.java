package dev.dynctl.model;

import dev.dynctl.model.yaml.YamlScalar;
import java.util.function.Function;

/**
 * Text of the project file that may hold {@code ${…}} references: each is replaced by what
 * {@code replacement} makes of the name between the braces; the rest is kept as it is.
 */
final class ReferenceText {
    private ReferenceText() {
    }

    static boolean hasReferences(String text) {
        return text.contains("${");
    }

    /**
     * @param replacement from a reference's name ({@code tables.items.name}) to what stands in its
     *                    place; the text around references goes through {@code literal}
     */
    static String replace(YamlScalar value, Function<String, String> replacement, Function<String, String> literal) {
        String text = value.text();
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (true) {
            int start = text.indexOf("${", from);
            if (start < 0) {
                out.append(literal.apply(text.substring(from)));
                return out.toString();
            }
            int end = text.indexOf('}', start);
            if (end < 0) {
                throw value.error("'${' without a closing '}' in '" + text + "'.");
            }
            out.append(literal.apply(text.substring(from, start)));
            out.append(replacement.apply(text.substring(start + 2, end).trim()));
            from = end + 1;
        }
    }

    static String replace(YamlScalar value, Function<String, String> replacement) {
        return replace(value, replacement, Function.identity());
    }
}
