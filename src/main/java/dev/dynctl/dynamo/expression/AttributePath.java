package dev.dynctl.dynamo.expression;

import dev.dynctl.dynamo.ItemPlaceholders;
import dev.dynctl.error.DynctlException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document path: an attribute name, then map keys and list positions ({@code a.b[0].c}).
 * Compiled, every name is a placeholder.
 */
public record AttributePath(List<Step> steps) {
    /** One step: a name (the first step, or a map key) or a list position. */
    public sealed interface Step permits Name, Index {
    }

    public record Name(String name) implements Step {
    }

    public record Index(int index) implements Step {
    }

    private static final Pattern PLAIN_SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d{1,9}])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
    private static final Pattern BARE_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{Nd}_]*");

    public AttributePath {
        steps = List.copyOf(steps);
        if (steps.isEmpty() || !(steps.get(0) instanceof Name)) {
            throw new IllegalArgumentException("a path starts with a name");
        }
    }

    /**
     * A path as the options take it (--set, --remove, --attrs): names split at dots, [n] for list
     * positions, and any other character part of the name, so {@code my attr} and {@code a-b} are
     * names as they are.
     */
    public static AttributePath plain(String text) {
        List<Step> steps = new ArrayList<>();
        for (String segment : text.trim().split("\\.", -1)) {
            Matcher m = PLAIN_SEGMENT.matcher(segment.trim());
            if (!m.matches()) {
                throw DynctlException.usage("'" + text + "' is not an attribute path.",
                        "Use a name, a nested name such as address.city, or a list element such as tags[0].");
            }
            steps.add(new Name(m.group(1)));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                steps.add(new Index(Integer.parseInt(index.group(1))));
            }
        }
        return new AttributePath(steps);
    }

    /** The attribute the path starts with. */
    public String attribute() {
        return ((Name) steps.get(0)).name();
    }

    /** Whether the path reaches inside a map or a list. */
    public boolean nested() {
        return steps.size() > 1;
    }

    /** The path with every name a placeholder: {@code #n0.#n1[0]}. */
    public String compile(ItemPlaceholders placeholders) {
        StringBuilder out = new StringBuilder();
        for (Step step : steps) {
            if (step instanceof Name name) {
                out.append(out.length() > 0 ? "." : "").append(placeholders.name(name.name()));
            } else {
                out.append('[').append(((Index) step).index()).append(']');
            }
        }
        return out.toString();
    }

    /** The path as it is typed in an expression, with backticks where a name needs them. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Step step : steps) {
            if (step instanceof Name name) {
                out.append(out.length() > 0 ? "." : "").append(nameText(name.name(), out.length() == 0));
            } else {
                out.append('[').append(((Index) step).index()).append(']');
            }
        }
        return out.toString();
    }

    /** A first name that is a keyword (and, true, ...) needs backticks; after a dot any word is a name. */
    private static String nameText(String name, boolean first) {
        if (BARE_NAME.matcher(name).matches() && !(first && Keywords.isReserved(name))) {
            return name;
        }
        return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }

    @Override
    public String toString() {
        return text();
    }
}
