package dev.dynctl.model;

import dev.dynctl.error.NearNames;
import dev.dynctl.model.yaml.YamlMapping;
import dev.dynctl.model.yaml.YamlNode;
import dev.dynctl.model.yaml.YamlScalar;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads one entry of {@code functions:}. */
final class FunctionReader {
    static final List<String> FUNCTION_KEYS = List.of("runtime", "handler", "code", "build", "memory", "timeout",
            "description", "environment", "tables");

    /** A key ends the function's and its role's names (SERVICE-STAGE-KEY): what both accept. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+");
    /** The families of Lambda's runtime identifiers, so a new version (nodejs24.x) passes and a typo does not. */
    private static final Pattern RUNTIME = Pattern.compile("nodejs\\d+\\.x|python3\\.\\d+|java\\d+(\\.al2)?|dotnet\\d+|ruby\\d+\\.\\d+"
            + "|provided(\\.al2(023)?)?");

    private final Collection<String> tableKeys;

    /** @param tableKeys the keys under {@code tables:}, which a function's {@code tables:} name */
    FunctionReader(Collection<String> tableKeys) {
        this.tableKeys = tableKeys;
    }

    ProjectFunction read(YamlMapping.Entry entry) {
        String key = entry.key();
        String where = "function '" + key + "'";
        if (!KEY.matcher(key).matches()) {
            throw YamlNode.error(entry.keyLocation(), "'" + key + "' (" + where + ") must be letters, digits, '-' and '_': "
                    + "it ends the function's real name.");
        }
        YamlMapping settings = entry.value().asMapping(where);
        settings.requireKnownKeys(where, FUNCTION_KEYS);
        YamlScalar runtimeValue = required(settings, "runtime", where, "e.g. runtime: python3.12 (or nodejs20.x, java21)");
        String runtime = runtimeValue.asText("runtime");
        if (!RUNTIME.matcher(runtime).matches()) {
            throw YamlNode.error(runtimeValue.location(), "'" + runtime + "' (" + where + ") is not a Lambda runtime.",
                    "e.g. python3.12, nodejs20.x, java21, dotnet8, ruby3.3 or provided.al2023.");
        }
        YamlScalar handler = required(settings, "handler", where, "e.g. handler: app.handler");
        YamlScalar code = required(settings, "code", where, "e.g. code: functions/" + key + " (a directory, a .zip or a .jar)");
        return new ProjectFunction(key, entry.keyLocation(), runtime, handler, code,
                settings.scalar("build").filter(b -> !b.empty()).orElse(null),
                FunctionLimits.memory(settings), FunctionLimits.timeout(settings),
                settings.scalar("description").orElse(null),
                FunctionLimits.environment(settings, where), tables(settings, where));
    }

    /** A setting that must be there, with text. */
    private static YamlScalar required(YamlMapping settings, String key, String where, String example) {
        YamlScalar value = settings.scalar(key).orElseThrow(() -> YamlNode.error(settings.location(), where + " needs " + key + ":.", example));
        value.asText(key);
        return value;
    }

    /** {@code tables: {items: read-write}}: each a key under {@code tables:}, with read, write or read-write. */
    private Map<String, TableAccess> tables(YamlMapping settings, String where) {
        Map<String, TableAccess> tables = new LinkedHashMap<>();
        if (!settings.has("tables") || ProjectFileReader.isEmpty(settings.get("tables").orElseThrow())) {
            return tables;
        }
        for (YamlMapping.Entry entry : settings.get("tables").orElseThrow().asMapping("tables of " + where).entries()) {
            if (!tableKeys.contains(entry.key())) {
                throw YamlNode.error(entry.keyLocation(), where + " names table '" + entry.key() + "', which is not under tables:.",
                        NearNames.hint(NearNames.among(tableKeys, entry.key()),
                                tableKeys.isEmpty() ? "Declare it under tables:." : "Tables: " + String.join(", ", tableKeys) + "."));
            }
            YamlScalar word = entry.value().asScalar("the access to table '" + entry.key() + "'");
            tables.put(entry.key(), TableAccess.ofLabel(word.text()).orElseThrow(() -> word.error("the access to table '"
                    + entry.key() + "' must be " + String.join(", ", TableAccess.labels()) + ", not " + word.kind() + ".")));
        }
        return tables;
    }
}
