package dev.dynctl.dynamo;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableClassSummary;

/**
 * A table's class, in the short words of --table-class: standard, or standard-ia (Standard-Infrequent
 * Access: cheaper storage, dearer reads and writes, for tables that mostly keep data).
 */
public final class TableStorageClass {
    private static final OptionWords<TableClass> WORDS = new OptionWords<TableClass>(
            "standard: the default; standard-ia: cheaper storage, dearer requests, for data kept more than read.")
            .with("standard", TableClass.STANDARD)
            .with("standard-ia", TableClass.STANDARD_INFREQUENT_ACCESS);

    private TableStorageClass() {
    }

    /** The words of --table-class, for help, errors and completion. */
    public static List<String> words() {
        return WORDS.words();
    }

    /** Reads a word (standard, standard-ia) or DynamoDB's own name (STANDARD_INFREQUENT_ACCESS); null stays null. */
    public static TableClass parse(String option, String text) {
        return WORDS.parse(option, text);
    }

    /** The class a table has: DynamoDB reports one only when it was chosen, and STANDARD otherwise. */
    static TableClass of(TableClassSummary summary) {
        return summary == null || summary.tableClass() == null ? TableClass.STANDARD : summary.tableClass();
    }
}
