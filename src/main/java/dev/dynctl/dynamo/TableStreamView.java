package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** What a table's change stream records, in the short words of --stream. */
public enum TableStreamView {
    NEW("new", StreamViewType.NEW_IMAGE),
    OLD("old", StreamViewType.OLD_IMAGE),
    BOTH("both", StreamViewType.NEW_AND_OLD_IMAGES),
    KEYS("keys", StreamViewType.KEYS_ONLY);

    private final String word;
    private final StreamViewType type;

    TableStreamView(String word, StreamViewType type) {
        this.word = word;
        this.type = type;
    }

    /** The words of --stream, for help, errors and completion. */
    public static List<String> words() {
        return Arrays.stream(values()).map(v -> v.word).toList();
    }

    /** Reads a word (new, old, both, keys) or DynamoDB's own name (NEW_AND_OLD_IMAGES); null stays null. */
    public static StreamViewType parse(String option, String text) {
        if (text == null) {
            return null;
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(v -> v.word.equals(wanted) || v.type.toString().equalsIgnoreCase(wanted))
                .map(v -> v.type)
                .findFirst()
                .orElseThrow(() -> DynctlException.usage("Bad " + option + " '" + text + "': use one of " + String.join(", ", words()) + ".",
                        "new: items after a change; old: before; both: before and after; keys: only the key attributes."));
    }
}
