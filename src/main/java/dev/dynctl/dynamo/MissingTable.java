package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The "table not found" error: names where we looked and the closest table names that do exist. */
public final class MissingTable {
    private static final int MAX_SUGGESTIONS = 3;

    private MissingTable() {
    }

    public static DynctlException error(DynamoDbClient client, String table, String where) {
        List<String> near = nearNames(client, table);
        String hint = near.isEmpty()
                ? "List tables with 'dynctl table list' (check --region / --profile / --local)."
                : "Did you mean " + String.join(", ", near.stream().map(n -> "'" + n + "'").toList()) + "?";
        return new DynctlException(ExitCode.NOT_FOUND, "Table '" + table + "' not found in " + where + ".", hint);
    }

    static List<String> nearNames(DynamoDbClient client, String table) {
        List<String> names;
        try {
            names = client.listTablesPaginator(b -> b.limit(100)).tableNames().stream().limit(1000).toList();
        } catch (SdkException e) {
            return List.of();
        }
        String wanted = table.toLowerCase(Locale.ROOT);
        int budget = Math.max(2, wanted.length() / 3);
        return names.stream()
                .filter(n -> {
                    String lower = n.toLowerCase(Locale.ROOT);
                    return lower.contains(wanted) || wanted.contains(lower) || distance(lower, wanted) <= budget;
                })
                .sorted(Comparator.comparingInt(n -> distance(n.toLowerCase(Locale.ROOT), wanted)))
                .limit(MAX_SUGGESTIONS)
                .toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
