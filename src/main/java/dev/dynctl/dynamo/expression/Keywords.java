package dev.dynctl.dynamo.expression;

import java.util.Locale;
import java.util.Set;

/** The words the grammar keeps for itself; as an attribute name such a word goes in backticks. */
final class Keywords {
    private static final Set<String> RESERVED = Set.of("and", "or", "not", "between", "in", "true", "false", "null");

    private Keywords() {
    }

    static boolean isReserved(String word) {
        return RESERVED.contains(word.toLowerCase(Locale.ROOT));
    }
}
