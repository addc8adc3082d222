package dev.dynctl.model;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A function as one stage has it.
 *
 * @param logicalName its key under {@code functions:}
 * @param name the real Lambda function name
 * @param code the directory, .zip or .jar (absolute, or relative to the project directory)
 * @param build a shell command run in the project directory before the code is packaged, its
 *              references resolved; null for none
 * @param buildAsWritten the same command as the file writes it (${env:…} not filled in): what
 *                       notes and errors show, as a build may be given a secret
 * @param memoryMb the memory wanted (Lambda's default, 128, when the file gives none)
 * @param timeoutSeconds the timeout wanted (Lambda's default, 3, when the file gives none)
 * @param environment the variables with every reference resolved, in the file's order
 * @param description "" when the file gives none
 * @param tables the real names of the tables it may use, and how
 */
public record StageFunction(String logicalName, String name, String runtime, String handler, Path code, String build,
                            String buildAsWritten, int memoryMb, int timeoutSeconds, Map<String, String> environment, String description,
                            Map<String, TableAccess> tables) {
    public static final int DEFAULT_MEMORY_MB = 128;
    public static final int DEFAULT_TIMEOUT_SECONDS = 3;

    public StageFunction {
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** A function whose build command (if any) is shown as it runs: it holds nothing resolved. */
    public StageFunction(String logicalName, String name, String runtime, String handler, Path code, String build,
                         int memoryMb, int timeoutSeconds, Map<String, String> environment, String description,
                         Map<String, TableAccess> tables) {
        this(logicalName, name, runtime, handler, code, build, build, memoryMb, timeoutSeconds, environment, description, tables);
    }

    /** Names only: a variable's value (or a resolved build) may be a secret, and this ends up in logs and test reports. */
    @Override
    public String toString() {
        return "StageFunction[logicalName=" + logicalName + ", name=" + name + ", runtime=" + runtime + ", handler=" + handler
                + ", code=" + code + ", build=" + buildAsWritten + ", memoryMb=" + memoryMb + ", timeoutSeconds=" + timeoutSeconds
                + ", environment=" + environment.keySet() + ", description=" + description + ", tables=" + tables + "]";
    }
}
