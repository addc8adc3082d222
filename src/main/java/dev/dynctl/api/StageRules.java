package dev.dynctl.api;

import dev.dynctl.error.DynctlException;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What API Gateway takes as a stage's name and as its variables, checked before anything is sent:
 * some engines keep what AWS refuses, and AWS's own refusal comes after the API was looked up.
 * Stage names: letters, digits, hyphens and underscores, up to 128 (v2 also $default). Variables:
 * names of letters, digits and underscores (up to 64), values of [A-Za-z0-9-._~:/?#&=,] (up to 512).
 */
public final class StageRules {
    private static final int STAGE_NAME_MAX = 128;
    private static final int VARIABLE_NAME_MAX = 64;
    private static final int VARIABLE_VALUE_MAX = 512;
    private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z0-9_-]{1," + STAGE_NAME_MAX + "}");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_]{1," + VARIABLE_NAME_MAX + "}");
    private static final Pattern VARIABLE_VALUE = Pattern.compile("[A-Za-z0-9\\-._~:/?#&=,]{1," + VARIABLE_VALUE_MAX + "}");

    private StageRules() {
    }

    /** A stage name API Gateway takes; {@code $default} is left to {@link #stageName(String, ApiType)}, once the API is known. */
    public static void stageName(String name) {
        if (!InvokeUrl.DEFAULT_STAGE.equals(name) && !STAGE_NAME.matcher(name).matches()) {
            String suggestion = name.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
            throw DynctlException.usage("Stage name '" + name + "' is not allowed: API Gateway takes letters, digits, hyphens and "
                    + "underscores, up to " + STAGE_NAME_MAX + " characters.", suggestion.isEmpty() || suggestion.length() > STAGE_NAME_MAX
                    ? "Pick a name such as 'prod', 'beta' or 'v2_test'." : "Pick a name such as '" + suggestion + "'.");
        }
    }

    /** Only HTTP and WebSocket APIs have the {@code $default} stage. */
    public static void stageName(String name, ApiType type) {
        stageName(name);
        if (InvokeUrl.DEFAULT_STAGE.equals(name) && !type.v2()) {
            throw DynctlException.usage("A REST API has no '$default' stage: that name is for HTTP and WebSocket APIs.",
                    "Pick a name of letters, digits, hyphens and underscores, such as 'prod'.");
        }
    }

    /** Variables to set: each name and value as API Gateway takes them. */
    public static void variables(Map<String, String> variables) {
        variables.forEach((name, value) -> {
            variableName(name);
            if (value == null || value.isEmpty()) {
                throw DynctlException.usage("Stage variable '" + name + "' has no value.",
                        "Give it one (--var " + name + "=VALUE); 'dynctl api stage update API STAGE --unset-var " + name
                                + "' removes a variable.");
            }
            if (!VARIABLE_VALUE.matcher(value).matches()) {
                throw DynctlException.usage("The value of stage variable '" + name + "' is not allowed: API Gateway takes letters, "
                        + "digits and - . _ ~ : / ? # & = , only (no spaces), up to " + VARIABLE_VALUE_MAX + " characters.",
                        "Write it with those characters only, e.g. --var " + name + "=orders-v2.");
            }
        });
    }

    /** Variables to set and to remove: none named in both, since one option would undo the other. */
    public static void changes(Map<String, String> set, Collection<String> unset) {
        variables(set);
        for (String name : unset) {
            if (set.containsKey(name)) {
                throw DynctlException.usage("Stage variable '" + name + "' is both set (--var) and removed (--unset-var).",
                        "Give one of them for '" + name + "'.");
            }
        }
    }

    private static void variableName(String name) {
        if (!VARIABLE_NAME.matcher(name).matches()) {
            throw DynctlException.usage("Stage variable name '" + name + "' is not allowed: API Gateway takes letters, digits and "
                    + "underscores, up to " + VARIABLE_NAME_MAX + " characters.", "e.g. --var table_name=orders.");
        }
    }
}
