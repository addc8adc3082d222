package dev.dynctl.functions;

import dev.dynctl.error.DynctlException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration a deploy asks for. A null setting is one the user did not give: a new function
 * gets Lambda's default, an existing one keeps what it has. An environment, when given, is the
 * whole environment (variables not named are removed).
 */
public record FunctionSettings(String runtime, String handler, Integer memoryMb, Integer timeoutSeconds,
                               Map<String, String> environment, String role, String description) {

    /** The variables of repeated --env NAME=VALUE options, in order; null when there are none. */
    public static Map<String, String> environment(List<String> assignments) {
        if (assignments == null || assignments.isEmpty()) {
            return null;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                // a value may be a secret: what follows an '=' is never repeated
                throw DynctlException.usage(equals < 0 ? "--env '" + assignment + "' is not NAME=VALUE." : "An --env has no NAME before its '='.",
                        "Give each variable as --env NAME=VALUE, e.g. --env TABLE=orders (repeat --env for more).");
            }
            String name = assignment.substring(0, equals);
            if (variables.put(name, assignment.substring(equals + 1)) != null) {
                throw DynctlException.usage("--env " + name + " is given twice.", "Give each variable once.");
            }
        }
        return variables;
    }
}
