package dev.dynctl.model;

import dev.dynctl.error.NearNames;
import dev.dynctl.model.yaml.YamlNode;
import dev.dynctl.model.yaml.YamlScalar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What each {@code ${…}} of the project file stands for in one stage. */
final class StageReferences {
    private static final String ENV = "env:";
    /** What sh expands as ${NAME}. */
    private static final Pattern SHELL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String FORMS = "references are ${service}, ${stage}, ${tables.KEY.name}, ${tables.KEY.arn}, "
            + "${functions.KEY.name}, ${functions.KEY.arn} and ${env:NAME}";

    private final Map<String, String> values;
    private final Map<String, String> environment;

    private StageReferences(Map<String, String> values, Map<String, String> environment) {
        this.values = values;
        this.environment = environment;
    }

    /**
     * @param tables the real name of each table, by its key
     * @param functions the real name of each function, by its key
     */
    static StageReferences of(StageNames names, StageTarget target, Map<String, String> tables, Map<String, String> functions) {
        Map<String, String> values = new LinkedHashMap<>();
        StageArns arns = StageArns.of(target);
        values.put("service", names.service());
        values.put("stage", names.stage());
        tables.forEach((key, name) -> {
            values.put("tables." + key + ".name", name);
            values.put("tables." + key + ".arn", arns.table(name));
        });
        functions.forEach((key, name) -> {
            values.put("functions." + key + ".name", name);
            // through the alias, so what is called is the version this stage deployed
            values.put("functions." + key + ".arn", arns.functionAlias(name, names.alias()));
        });
        return new StageReferences(values, target.environment());
    }

    /** {@code value}'s text with every reference replaced. */
    String resolve(YamlScalar value) {
        return resolve(value, false);
    }

    /**
     * A {@code build:} command with every reference replaced, but {@code ${env:NAME}} left to the
     * shell as its variable {@code ${NAME}} (the build inherits the deploy's environment): a value
     * is never pasted into the command, where a ';' or '$(…)' in it would run as code. The
     * variable must still be set.
     */
    String resolveForShell(YamlScalar value) {
        return resolve(value, true);
    }

    private String resolve(YamlScalar value, boolean forShell) {
        return ReferenceText.replace(value, reference -> {
            if (reference.startsWith(ENV)) {
                String name = reference.substring(ENV.length());
                String resolved = environmentVariable(value, environment, name);
                if (!forShell) {
                    return resolved;
                }
                return SHELL_NAME.matcher(name).matches() ? "${" + name + "}" : shellQuoted(resolved);
            }
            String resolved = values.get(reference);
            if (resolved == null) {
                List<String> near = NearNames.among(values.keySet(), reference);
                throw YamlNode.error(value.location(), "unknown reference ${" + reference + "}; " + FORMS + ".",
                        NearNames.hint(near.stream().map(n -> "${" + n + "}").toList(),
                                "KEY is a key under tables: or functions: (see docs/deploy.md, References)."));
            }
            return resolved;
        });
    }

    /** A value as one literal shell word, for a variable whose name the shell cannot expand. */
    private static String shellQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** {@code ${env:NAME}}: the deploying process's variable; unset is an error, not an empty value. */
    static String environmentVariable(YamlScalar at, Map<String, String> environment, String name) {
        if (name.isEmpty()) {
            throw at.error("${env:} needs the name of an environment variable, e.g. ${env:API_KEY}.");
        }
        String value = environment.get(name);
        if (value == null) {
            throw YamlNode.error(at.location(), "${env:" + name + "} is not set in the environment of this deploy.",
                    "Set " + name + " before deploying (export " + name + "=…), or take the reference out.");
        }
        return value;
    }
}
