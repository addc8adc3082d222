package dev.dynctl.model;

import dev.dynctl.model.yaml.Location;
import dev.dynctl.model.yaml.YamlScalar;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A function of the project file, before a stage resolves it: text values keep where they were
 * written, so a reference that cannot be resolved is pointed at.
 *
 * @param location where its key is
 * @param build null when the file gives none
 * @param memoryMb null when the file gives none
 * @param timeoutSeconds null when the file gives none
 * @param description null when the file gives none
 * @param environment the variables in the file's order
 * @param tables the access to each table it declares, by the table's key
 */
record ProjectFunction(String logicalName, Location location, String runtime, YamlScalar handler, YamlScalar code,
                       YamlScalar build, Integer memoryMb, Integer timeoutSeconds, YamlScalar description,
                       Map<String, YamlScalar> environment, Map<String, TableAccess> tables) {
    ProjectFunction {
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** This function with a stage's overrides: what they give replaces, and their environment is merged in. */
    ProjectFunction with(FunctionOverride override) {
        Map<String, YamlScalar> merged = new LinkedHashMap<>(environment);
        merged.putAll(override.environment());
        return new ProjectFunction(logicalName, location, runtime, handler, code, build,
                override.memoryMb() != null ? override.memoryMb() : memoryMb,
                override.timeoutSeconds() != null ? override.timeoutSeconds() : timeoutSeconds,
                override.description() != null ? override.description() : description,
                merged, tables);
    }
}
