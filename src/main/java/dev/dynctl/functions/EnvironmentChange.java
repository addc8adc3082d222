package dev.dynctl.functions;

import dev.dynctl.error.DynctlException;
import dev.dynctl.input.NamedValues;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a deploy does to a function's environment: give the whole of it ({@code --env}, variables
 * not named are removed), remove some variables and keep the rest ({@code --unset-env}), remove
 * them all ({@code --clear-env}), or leave it as it is. Lambda only takes a whole environment, so
 * a removal is worked out against the function's current one.
 */
public record EnvironmentChange(Map<String, String> variables, Set<String> unset, boolean clear) {
    /** Leaves the environment as it is. */
    public static final EnvironmentChange NONE = new EnvironmentChange(null, Set.of(), false);
    /** Lambda's rule for a variable's name: a letter, then at least one letter, digit or '_'. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]+");

    /**
     * From the deploy's options; giving the whole environment and removing from it is an error.
     *
     * @param assignments repeated --env NAME=VALUE
     * @param unset repeated --unset-env NAME
     * @param clear --clear-env
     */
    public static EnvironmentChange of(List<String> assignments, List<String> unset, boolean clear) {
        Map<String, String> variables = assignments.isEmpty() ? null
                : NamedValues.unique(assignments, '=', "--env", "--env TABLE=orders");
        if (variables != null) {
            variables.keySet().forEach(EnvironmentChange::checkName);
        }
        if (variables != null && (clear || !unset.isEmpty())) {
            throw DynctlException.usage("--env gives the whole environment; " + (clear ? "--clear-env" : "--unset-env") + " cannot go with it.",
                    "Variables not named in --env are removed already: leave out the ones you do not want.");
        }
        if (clear && !unset.isEmpty()) {
            throw DynctlException.usage("--clear-env removes every variable; --unset-env cannot go with it.", "Give one of them.");
        }
        for (String name : unset) {
            if (name.isEmpty() || name.indexOf('=') >= 0) {
                // what follows an '=' may be a secret: it is not repeated
                throw DynctlException.usage("--unset-env takes a variable's NAME only.", "e.g. --unset-env DEBUG (repeat --unset-env for more).");
            }
        }
        return new EnvironmentChange(variables, Set.copyOf(unset), clear);
    }

    /** Exactly these variables, no others (a deploy from a project file: the file gives the whole environment). */
    public static EnvironmentChange exactly(Map<String, String> variables) {
        return new EnvironmentChange(Map.copyOf(variables), Set.of(), false);
    }

    /** Names are no secret: a bad one is repeated (its value never is). */
    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw DynctlException.usage("--env " + name + ": a variable's name is a letter and then at least one more letter, digit or '_' (Lambda's rule).",
                    "e.g. --env TABLE=orders or --env LOG_LEVEL=debug");
        }
    }

    /** True when the deploy says nothing about the environment. */
    public boolean isNone() {
        return variables == null && unset.isEmpty() && !clear;
    }

    /** The environment the function should have, given the one it has (sorted by name). */
    public Map<String, String> applyTo(Map<String, String> current) {
        if (clear) {
            return Map.of();
        }
        Map<String, String> wanted = new TreeMap<>(variables != null ? variables : current);
        wanted.keySet().removeAll(unset);
        return wanted;
    }
}
