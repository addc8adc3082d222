package dev.dynctl.model;

import dev.dynctl.model.yaml.YamlScalar;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code stages.STAGE.functions.KEY} changes for one stage; null for what it leaves alone.
 *
 * @param environment variables added to or replacing the function's own
 */
record FunctionOverride(Integer memoryMb, Integer timeoutSeconds, YamlScalar description, Map<String, YamlScalar> environment) {
    FunctionOverride {
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }
}
