package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableClassSummary;

/**
 * A table's class, in the short words of --table-class: standard, or standard-ia (Standard-Infrequent
 * Access: cheaper storage, dearer reads and writes, for tables that mostly keep data).
 */
public enum TableStorageClass {
    STANDARD("standard", TableClass.STANDARD),
    STANDARD_IA("standard-ia", TableClass.STANDARD_INFREQUENT_ACCESS);

    private final String word;
    private final TableClass type;

    TableStorageClass(String word, TableClass type) {
        this.word = word;
        this.type = type;
    }

    /** The words of --table-class, for help, errors and completion. */
    public static List<String> words() {
        return Arrays.stream(values()).map(v -> v.word).toList();
    }

    /** Reads a word (standard, standard-ia) or DynamoDB's own name (STANDARD_INFREQUENT_ACCESS); null stays null. */
    public static TableClass parse(String option, String text) {
        if (text == null) {
            return null;
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(v -> v.word.equals(wanted) || v.type.toString().equalsIgnoreCase(wanted))
                .map(v -> v.type)
                .findFirst()
                .orElseThrow(() -> DynctlException.usage("Bad " + option + " '" + text + "': use one of " + String.join(", ", words()) + ".",
                        "standard: the default; standard-ia: cheaper storage, dearer requests, for data kept more than read."));
    }

    /** The class a table has: DynamoDB reports one only when it was chosen, and STANDARD otherwise. */
    static TableClass of(TableClassSummary summary) {
        return summary == null || summary.tableClass() == null ? TableClass.STANDARD : summary.tableClass();
    }
}
