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
import software.amazon.awssdk.services.lambda.model.Runtime;

/** Reads one entry of {@code functions:}. */
final class FunctionReader {
    static final List<String> FUNCTION_KEYS = List.of("runtime", "handler", "code", "build", "memory", "timeout",
            "description", "environment", "tables");

    /** A key ends the function's and its role's names (SERVICE-STAGE-KEY): what both accept. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+");
    /**
     * Lambda's runtime identifiers, as the SDK dynctl deploys with knows them: a runtime it does not
     * know (nodejs99.x, node20) is one a deploy could not create.
     */
    private static final List<String> RUNTIMES = Runtime.knownValues().stream().map(Runtime::toString).toList();
    /** Runtimes whose handler is FILE.EXPORT (Node.js) or MODULE.FUNCTION (Python), each with a path in front or not. */
    private static final Pattern DOTTED_HANDLER_RUNTIME = Pattern.compile("nodejs.*|python.*");

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
        if (!RUNTIMES.contains(runtime)) {
            throw YamlNode.error(runtimeValue.location(), "'" + runtime + "' (" + where + ") is not a Lambda runtime.",
                    NearNames.hint(NearNames.among(RUNTIMES, runtime), "e.g. python3.12, nodejs20.x, java21, dotnet8, ruby3.3 or provided.al2023."));
        }
        YamlScalar handler = required(settings, "handler", where, "e.g. handler: app.handler");
        YamlScalar code = required(settings, "code", where, "e.g. code: functions/" + key + " (a directory, a .zip or a .jar)");
        ProjectFunction function = new ProjectFunction(key, entry.keyLocation(), runtime, handler, code,
                settings.scalar("build").filter(b -> !b.empty()).orElse(null),
                FunctionLimits.memory(settings), FunctionLimits.timeout(settings),
                settings.scalar("description").orElse(null),
                FunctionLimits.environment(settings, where), tables(settings, where));
        checkHandler(handler, runtime, where);
        return function;
    }

    /**
     * A Node.js or Python handler names a file (or module) and what it exports, with a dot between
     * (src/app.handler): without one, every invocation would fail with Runtime.MalformedHandlerName.
     * A handler made by a ${…} reference is checked once it is resolved, by the runtime.
     */
    private static void checkHandler(YamlScalar handler, String runtime, String where) {
        String text = handler.text();
        if (!DOTTED_HANDLER_RUNTIME.matcher(runtime).matches() || text.contains("${")) {
            return;
        }
        String name = text.substring(text.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            boolean node = runtime.startsWith("nodejs");
            throw YamlNode.error(handler.location(), "handler '" + text + "' (" + where + ") must be "
                    + (node ? "FILE.EXPORT" : "MODULE.FUNCTION") + ": the " + (node ? "file" : "module") + " and the "
                    + (node ? "exported function" : "function") + " in it, with a dot between.",
                    node ? "e.g. handler: index.handler (export handler of index.mjs or index.js)."
                            : "e.g. handler: app.handler (def handler in app.py).");
        }
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
