package dev.dynctl.error;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The names closest to one that was not found (a typo, a missing prefix), for "Did you mean …?" hints. */
public final class NearNames {
    private static final int MAX_SUGGESTIONS = 3;

    private NearNames() {
    }

    /** Up to three of {@code names} that contain, are contained in, or are a few edits from {@code wanted}; closest first. */
    public static List<String> among(Collection<String> names, String wanted) {
        String lowerWanted = wanted.toLowerCase(Locale.ROOT);
        int budget = Math.max(2, lowerWanted.length() / 3);
        return names.stream()
                .distinct()
                .filter(n -> {
                    String lower = n.toLowerCase(Locale.ROOT);
                    return lower.contains(lowerWanted) || lowerWanted.contains(lower) || distance(lower, lowerWanted) <= budget;
                })
                .sorted(Comparator.comparingInt(n -> distance(n.toLowerCase(Locale.ROOT), lowerWanted)))
                .limit(MAX_SUGGESTIONS)
                .toList();
    }

    /** "Did you mean 'a', 'b'?" for the near names, or {@code otherwise} when there are none. */
    public static String hint(List<String> near, String otherwise) {
        return near.isEmpty() ? otherwise : "Did you mean " + near.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ")) + "?";
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
