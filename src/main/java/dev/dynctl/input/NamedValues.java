package dev.dynctl.input;

import dev.dynctl.error.DynctlException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Repeated {@code NAME=VALUE} or {@code NAME:VALUE} options (--env, --query-param, --header): the
 * name is what comes before the first separator, the value all that follows, as written. Errors
 * name the option and show an example; they never repeat what follows a separator, since a value
 * may be a secret (an API key in --env or --header).
 */
public final class NamedValues {
    private NamedValues() {
    }

    /**
     * The pairs in the order given; a name may come more than once (a header, a query parameter).
     *
     * @param example a whole option as it is typed, e.g. {@code --env TABLE=orders}
     */
    public static List<Map.Entry<String, String>> pairs(List<String> texts, char separator, String option, String example) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String text : texts) {
            int at = text.indexOf(separator);
            if (at <= 0) {
                String form = "NAME" + separator + "VALUE";
                throw DynctlException.usage(at < 0 ? option + " '" + text + "' is not " + form + "." : "A value of " + option + " has no NAME before its '" + separator + "'.",
                        "Give each as " + option + " " + form + ", e.g. " + example + " (repeat " + option + " for more).");
            }
            pairs.add(Map.entry(text.substring(0, at), text.substring(at + 1)));
        }
        return pairs;
    }

    /** The pairs by name, in the order given; a name given twice is an error (an environment variable). */
    public static Map<String, String> unique(List<String> texts, char separator, String option, String example) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : pairs(texts, separator, option, example)) {
            if (values.put(pair.getKey(), pair.getValue()) != null) {
                throw DynctlException.usage(option + " " + pair.getKey() + " is given twice.", "Give each name once.");
            }
        }
        return values;
    }
}
