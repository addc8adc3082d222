package dev.dynctl.model;

import dev.dynctl.error.NearNames;
import dev.dynctl.model.yaml.YamlMapping;
import dev.dynctl.model.yaml.YamlNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code stages:}: per stage, what changes for its functions. A stage not listed is
 * deployed as the file says; one listed changes only what it names.
 */
final class StageOverridesReader {
    static final List<String> STAGE_KEYS = List.of("functions");
    static final List<String> FUNCTION_KEYS = List.of("memory", "timeout", "description", "environment");

    private final Collection<String> functionKeys;

    /** @param functionKeys the keys under {@code functions:}, which overrides name */
    StageOverridesReader(Collection<String> functionKeys) {
        this.functionKeys = functionKeys;
    }

    /** Per stage, the overrides by function key. */
    Map<String, Map<String, FunctionOverride>> read(YamlNode section) {
        Map<String, Map<String, FunctionOverride>> stages = new LinkedHashMap<>();
        for (YamlMapping.Entry stage : section.asMapping("stages").entries()) {
            NameRules.checkStage(stage.keyLocation(), stage.key());
            String where = "stage '" + stage.key() + "'";
            Map<String, FunctionOverride> functions = new LinkedHashMap<>();
            if (!ProjectFileReader.isEmpty(stage.value())) {
                YamlMapping settings = stage.value().asMapping(where);
                settings.requireKnownKeys(where, STAGE_KEYS);
                if (settings.has("functions") && !ProjectFileReader.isEmpty(settings.get("functions").orElseThrow())) {
                    for (YamlMapping.Entry function : settings.get("functions").orElseThrow().asMapping("functions of " + where).entries()) {
                        functions.put(function.key(), function(function, where));
                    }
                }
            }
            stages.put(stage.key(), functions);
        }
        return stages;
    }

    private FunctionOverride function(YamlMapping.Entry entry, String stage) {
        if (!functionKeys.contains(entry.key())) {
            throw YamlNode.error(entry.keyLocation(), stage + " changes function '" + entry.key() + "', which is not under functions:.",
                    NearNames.hint(NearNames.among(functionKeys, entry.key()), functionKeys.isEmpty()
                            ? "Declare it under functions:." : "Functions: " + String.join(", ", functionKeys) + "."));
        }
        String where = "function '" + entry.key() + "' in " + stage;
        YamlMapping settings = entry.value().asMapping(where);
        settings.requireKnownKeys(where, FUNCTION_KEYS);
        return new FunctionOverride(FunctionLimits.memory(settings), FunctionLimits.timeout(settings),
                settings.scalar("description").orElse(null), FunctionLimits.environment(settings, where));
    }
}
