package dev.dynctl.error;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The names closest to one that was not found (a typo, a missing prefix), for "Did you mean …?" hints. */
public final class NearNames {
    private static final int MAX_SUGGESTIONS = 3;
    /** The shortest name that counts as part of another. */
    private static final int MIN_PART = 3;

    private NearNames() {
    }

    /**
     * Up to three of {@code names} that contain, are contained in, or are a few edits from {@code
     * wanted}; closest first, and none much farther than the closest.
     */
    public static List<String> among(Collection<String> names, String wanted) {
        return among(names, wanted, Function.identity());
    }

    /**
     * As {@link #among(Collection, String)}, each name compared with {@code wanted} as {@code compared}
     * makes it: a log group's name without its /aws/lambda/ prefix against a function's name, so that
     * the prefix they share neither lets far names through nor orders them. The names are returned whole.
     */
    public static List<String> among(Collection<String> names, String wanted, Function<String, String> compared) {
        String lowerWanted = wanted.toLowerCase(Locale.ROOT);
        int budget = Math.max(2, lowerWanted.length() / 3);
        Map<String, Integer> near = new LinkedHashMap<>();
        for (String name : names) {
            String lower = compared.apply(name).toLowerCase(Locale.ROOT);
            int distance = distance(lower, lowerWanted);
            if (!near.containsKey(name) && (distance <= budget || contains(lower, lowerWanted) || contains(lowerWanted, lower))) {
                near.put(name, distance);
            }
        }
        // a name that only contains the one wanted, or is in it, is far beside one a typo away: left out then
        int closest = near.values().stream().min(Integer::compare).orElse(0);
        // a stable sort: names as near as each other keep the order they were given in
        return near.entrySet().stream()
                .filter(entry -> entry.getValue() <= closest + budget)
                .sorted(Map.Entry.comparingByValue())
                .limit(MAX_SUGGESTIONS)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** {@code part} is in {@code whole}, and long enough to say something: every name contains "a". */
    private static boolean contains(String whole, String part) {
        return part.length() >= MIN_PART && whole.contains(part);
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
