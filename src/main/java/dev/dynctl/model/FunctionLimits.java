package dev.dynctl.model;

import dev.dynctl.error.DynctlException;
import dev.dynctl.functions.FunctionSettings;
import dev.dynctl.model.yaml.YamlMapping;
import dev.dynctl.model.yaml.YamlNode;
import dev.dynctl.model.yaml.YamlScalar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A function's memory, timeout and environment as the file gives them, checked against Lambda's
 * limits (those {@code function deploy} checks) where they are written.
 */
final class FunctionLimits {
    /** Lambda's rule for environment variable names. */
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** The variables Lambda sets itself and refuses to take from a function's configuration. */
    private static final Set<String> RESERVED = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_REGION", "AWS_DEFAULT_REGION",
            "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT",
            "LAMBDA_RUNTIME_DIR");

    private FunctionLimits() {
    }

    static Integer memory(YamlMapping settings) {
        return settings.scalar("memory").map(value -> {
            int megabytes = value.asCount("memory");
            checked(value, () -> new FunctionSettings(null, null, megabytes, null, null, null, null), "e.g. memory: 256 (CPU grows with memory).");
            return megabytes;
        }).orElse(null);
    }

    static Integer timeout(YamlMapping settings) {
        return settings.scalar("timeout").map(value -> {
            int seconds = value.asCount("timeout");
            checked(value, () -> new FunctionSettings(null, null, null, seconds, null, null, null), "e.g. timeout: 30.");
            return seconds;
        }).orElse(null);
    }

    /** {@code NAME: value} lines; a value is text as written (8080 stays "8080"), an empty one is "". */
    static Map<String, YamlScalar> environment(YamlMapping settings, String where) {
        Map<String, YamlScalar> variables = new LinkedHashMap<>();
        if (!settings.has("environment") || ProjectFileReader.isEmpty(settings.get("environment").orElseThrow())) {
            return variables;
        }
        for (YamlMapping.Entry entry : settings.get("environment").orElseThrow().asMapping("environment of " + where).entries()) {
            if (!VARIABLE.matcher(entry.key()).matches()) {
                throw YamlNode.error(entry.keyLocation(), "'" + entry.key() + "' is not an environment variable name: "
                        + "letters, digits and '_', starting with a letter.");
            }
            if (RESERVED.contains(entry.key())) {
                throw YamlNode.error(entry.keyLocation(), entry.key() + " is set by Lambda itself and cannot be given in environment:.",
                        "Read it in the function as it is; give your own setting another name.");
            }
            variables.put(entry.key(), entry.value().asScalar("environment variable " + entry.key()));
        }
        return variables;
    }

    private static void checked(YamlScalar value, Runnable check, String hint) {
        try {
            check.run();
        } catch (DynctlException e) {
            // FunctionSettings words it for the command line ("--memory 20000 is out of range: …")
            throw YamlNode.error(value.location(), e.getMessage().replaceFirst("^--", ""), hint);
        }
    }
}
