package dev.dynctl.dynamo;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** What a table's change stream records, in the short words of --stream. */
public final class TableStreamView {
    private static final OptionWords<StreamViewType> WORDS = new OptionWords<StreamViewType>(
            "new: items after a change; old: before; both: before and after; keys: only the key attributes.")
            .with("new", StreamViewType.NEW_IMAGE)
            .with("old", StreamViewType.OLD_IMAGE)
            .with("both", StreamViewType.NEW_AND_OLD_IMAGES)
            .with("keys", StreamViewType.KEYS_ONLY);

    private TableStreamView() {
    }

    /** The words of --stream, for help, errors and completion. */
    public static List<String> words() {
        return WORDS.words();
    }

    /** Reads a word (new, old, both, keys) or DynamoDB's own name (NEW_AND_OLD_IMAGES); null stays null. */
    public static StreamViewType parse(String option, String text) {
        return WORDS.parse(option, text);
    }
}
