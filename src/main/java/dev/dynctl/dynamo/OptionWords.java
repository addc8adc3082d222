package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The short words an option takes for the values of one of DynamoDB's enums (--stream both for
 * NEW_AND_OLD_IMAGES, --table-class standard-ia for STANDARD_INFREQUENT_ACCESS): the words for
 * help and completion, and a reader that takes a word or DynamoDB's own name.
 */
final class OptionWords<T> {
    private final Map<String, T> values = new LinkedHashMap<>();
    private final String hint;

    /** @param hint what the words mean, for the error of a value that is none of them */
    OptionWords(String hint) {
        this.hint = hint;
    }

    /** Adds a word and its value; help lists the words in the order added. */
    OptionWords<T> with(String word, T value) {
        values.put(word, value);
        return this;
    }

    List<String> words() {
        return List.copyOf(values.keySet());
    }

    /** Reads a word or DynamoDB's own name, in any case; null stays null; anything else is a usage error naming the words. */
    T parse(String option, String text) {
        if (text == null) {
            return null;
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return values.entrySet().stream()
                .filter(entry -> entry.getKey().equals(wanted) || entry.getValue().toString().equalsIgnoreCase(wanted))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> DynctlException.usage("Bad " + option + " '" + text + "': use one of " + String.join(", ", words()) + ".",
                        hint));
    }
}
