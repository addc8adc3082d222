package dev.dynctl.functions;

import dev.dynctl.error.DynctlException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function as Lambda lets one name it: its name (1 to 64 letters, digits, '-' and '_'), its ARN,
 * or a partial ARN ({@code 123456789012:function:NAME}), any of them with {@code :VERSION} or
 * {@code :ALIAS} after it. Checked before any request, so a bad name is said in Lambda's words
 * (exit 2) instead of coming back as the SDK's marshalling error or a bare HTTP 404. Aliases,
 * qualifiers and versions follow Lambda's rules too.
 *
 * @param text the name or ARN as given
 * @param name the function's name alone
 * @param qualifier the version or alias after the name, or null
 */
public record FunctionName(String text, String name, String qualifier) {
    private static final String NAME = "[a-zA-Z0-9_-]{1,64}";
    private static final String QUALIFIER = "\\$LATEST|[a-zA-Z0-9_-]{1,128}";
    private static final Pattern FUNCTION = Pattern.compile(
            "(?:arn:aws[a-zA-Z-]*:lambda:[a-z]{2}(?:-gov)?-[a-z]+-\\d:\\d{12}:function:|\\d{12}:function:)?(" + NAME + ")(?::(" + QUALIFIER + "))?");
    private static final Pattern ALIAS = Pattern.compile("(?!\\d+$)[a-zA-Z0-9_-]{1,128}");
    private static final Pattern QUALIFIER_ONLY = Pattern.compile(QUALIFIER);

    /** The function {@code text} names; exit 2 naming Lambda's rule when it names none. */
    public static FunctionName of(String text) {
        Matcher m = FUNCTION.matcher(text);
        if (!m.matches()) {
            String what = text.isEmpty() ? "The function name is empty" : "'" + text + "' is not a function name or ARN";
            throw DynctlException.usage(what + ": Lambda takes 1 to 64 letters, digits, '-' and '_', or the function's ARN.",
                    "e.g. get-item, get-item:live or arn:aws:lambda:us-east-1:123456789012:function:get-item");
        }
        return new FunctionName(text, m.group(1), m.group(2));
    }

    /** The function itself, for what acts on all of it (deploy, delete): a version or alias after the name is exit 2. */
    public FunctionName unqualified(String command) {
        if (qualifier != null) {
            throw DynctlException.usage("'" + text + "' names version or alias '" + qualifier + "'; function " + command + " takes the function itself.",
                    "Give the name without ':" + qualifier + "'" + ("deploy".equals(command) ? " (move an alias with --alias)." : "."));
        }
        return this;
    }

    /** {@code --alias}: 1 to 128 letters, digits, '-' and '_', not all digits (that would read as a version). */
    public static String alias(String alias) {
        if (!ALIAS.matcher(alias).matches()) {
            throw DynctlException.usage("'" + alias + "' is not an alias name: Lambda takes 1 to 128 letters, digits, '-' and '_', not all digits.",
                    "e.g. --alias live (a number is a version, which deploy publishes for you).");
        }
        return alias;
    }

    /** {@code --qualifier}: $LATEST, a version number or an alias name. */
    public static String qualifier(String qualifier) {
        if (!QUALIFIER_ONLY.matcher(qualifier).matches()) {
            throw DynctlException.usage("'" + qualifier + "' is not a version or alias: Lambda takes $LATEST, a version number, or 1 to 128 letters, digits, '-' and '_'.",
                    "e.g. --qualifier live or --qualifier 3; see them with 'dynctl function describe'.");
        }
        return qualifier;
    }
}
