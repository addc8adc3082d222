package dev.dynctl.deploy;

import dev.dynctl.model.StageFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;

/**
 * What a deploy compares of a function, for the plan: its code (by SHA-256, as Lambda reports
 * it) and its configuration (the changes themselves are {@link dev.dynctl.functions.FunctionDeployer}'s). An environment variable's value is compared but never shown: the plan names the
 * variables only.
 *
 * @param environment sorted by name
 * @param description "" for none (Lambda reports none as null or "")
 */
record FunctionConfig(String codeSha256, String runtime, String handler, int memoryMb, int timeoutSeconds,
                      Map<String, String> environment, String description, String role) {
    /** How much of a SHA-256 the plan shows: enough to tell two packages apart at a glance. */
    private static final int SHA_SHOWN = 8;

    FunctionConfig {
        environment = new TreeMap<>(environment);
        description = Objects.requireNonNullElse(description, "");
    }

    /** Variable names only: a value may be a secret, and this ends up in logs and test reports. */
    @Override
    public String toString() {
        return "FunctionConfig[codeSha256=" + codeSha256 + ", runtime=" + runtime + ", handler=" + handler + ", memoryMb=" + memoryMb
                + ", timeoutSeconds=" + timeoutSeconds + ", environment=" + environment.keySet() + ", description=" + description
                + ", role=" + role + "]";
    }

    /** What the project wants: the function's settings, its package's SHA-256 and its role's ARN. */
    static FunctionConfig wanted(StageFunction function, String codeSha256, String role) {
        return new FunctionConfig(codeSha256, function.runtime(), function.handler(), function.memoryMb(), function.timeoutSeconds(),
                function.environment(), function.description(), role);
    }

    /** What a version (or $LATEST) of a function has. */
    static FunctionConfig of(GetFunctionConfigurationResponse c) {
        Map<String, String> environment = c.environment() == null || c.environment().variables() == null
                ? Map.of() : c.environment().variables();
        return new FunctionConfig(c.codeSha256(), c.runtimeAsString(), c.handler(), c.memorySize() == null ? 0 : c.memorySize(),
                c.timeout() == null ? 0 : c.timeout(), environment, c.description(), c.role());
    }

    /** What changes when {@code current} becomes this, as the plan shows it; empty when nothing does. */
    List<FieldChange> changesFrom(FunctionConfig current) {
        List<FieldChange> changes = new ArrayList<>();
        if (!codeSha256.equals(current.codeSha256)) {
            changes.add(new FieldChange("code", shown(current.codeSha256), shown(codeSha256)));
        }
        compare(changes, "runtime", current.runtime, runtime);
        compare(changes, "handler", current.handler, handler);
        compare(changes, "memory", current.memoryMb, memoryMb);
        compare(changes, "timeout", current.timeoutSeconds, timeoutSeconds);
        if (!environment.equals(current.environment)) {
            changes.add(new FieldChange("environment", changedNames(current.environment, environment), changedNames(environment, current.environment)));
        }
        compare(changes, "description", current.description, description);
        compare(changes, "role", current.role, role);
        return changes;
    }

    private static void compare(List<FieldChange> changes, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            changes.add(new FieldChange(field, from == null || "".equals(from) ? null : from.toString(),
                    to == null || "".equals(to) ? null : to.toString()));
        }
    }

    /**
     * The names of the variables in {@code these} that {@code others} lacks or holds another value
     * for, sorted; null for none. Names only: a value may be a secret.
     */
    private static String changedNames(Map<String, String> these, Map<String, String> others) {
        TreeSet<String> names = these.entrySet().stream()
                .filter(variable -> !variable.getValue().equals(others.get(variable.getKey())))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static String shown(String sha) {
        return sha == null ? null : sha.length() > SHA_SHOWN ? sha.substring(0, SHA_SHOWN) : sha;
    }
}
