package dev.dynctl.shell;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words of DynamoDB's PartiQL that the shell completes and highlights. */
final class PartiqlWords {
    /** DynamoDB's PartiQL keywords (SELECT, INSERT, UPDATE, DELETE and EXISTS statements). */
    static final List<String> KEYWORDS = List.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "BETWEEN", "IS",
            "MISSING", "NULL", "TRUE", "FALSE", "EXISTS", "INSERT", "INTO", "VALUE", "UPDATE", "SET", "REMOVE", "DELETE",
            "RETURNING", "ALL", "MODIFIED", "OLD", "NEW", "ORDER", "BY", "ASC", "DESC");
    /** Its functions, written in lower case by convention. */
    static final List<String> FUNCTIONS = List.of("begins_with", "contains", "attribute_type", "size", "exists", "missing",
            "list_append", "set_add", "set_delete");
    /** The statements' first words. */
    static final List<String> VERBS = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "EXISTS");

    private static final Set<String> UPPER_KEYWORDS = Set.copyOf(KEYWORDS);
    private static final Set<String> LOWER_FUNCTIONS = Set.copyOf(FUNCTIONS);
    /** The keywords a table name follows. */
    private static final Set<String> BEFORE_TABLE = Set.of("FROM", "INTO", "UPDATE");
    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:FROM|INTO|UPDATE)\\s+(?:\"([^\"]+)\"|([A-Za-z0-9_.-]+))");
    private static final Pattern LAST_WORD = Pattern.compile("([A-Za-z_]+)\\s*$");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private PartiqlWords() {
    }

    static boolean isKeyword(String word) {
        return UPPER_KEYWORDS.contains(word.toUpperCase(Locale.ROOT));
    }

    static boolean isFunction(String word) {
        return LOWER_FUNCTIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** True when the text (the statement up to the word being typed) ends with FROM, INTO or UPDATE. */
    static boolean wantsTable(String before) {
        Matcher last = LAST_WORD.matcher(before);
        return last.find() && BEFORE_TABLE.contains(last.group(1).toUpperCase(Locale.ROOT));
    }

    /** The table the statement names after FROM, INTO or UPDATE, if it names one. */
    static Optional<String> table(String statement) {
        Matcher table = TABLE.matcher(statement);
        while (table.find()) {
            String name = table.group(1) != null ? table.group(1) : table.group(2);
            if (!isKeyword(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** True when PartiQL needs the name in double quotes ("my-table"): it is not an identifier. */
    static boolean needsQuotes(String name) {
        return !IDENTIFIER.matcher(name).matches();
    }

    /** The keyword in the case the person is typing in: lower case after a lower-case start. */
    static String inCaseOf(String typed, String keyword) {
        return !typed.isEmpty() && Character.isLowerCase(typed.charAt(0)) ? keyword.toLowerCase(Locale.ROOT) : keyword;
    }
}
