package dev.dynctl.model;

import dev.dynctl.model.yaml.Location;
import dev.dynctl.model.yaml.YamlMapping;
import dev.dynctl.model.yaml.YamlNode;
import dev.dynctl.model.yaml.YamlScalar;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the project file's top level and its {@code tables:}. Each section has its own reader
 * ({@link SchemaReader} for a table's schema); sections of later versions (functions, APIs,
 * stages; a table's keys, indexes, TTL and stream) are refused by name rather than ignored.
 */
final class ProjectFileReader {
    static final List<String> KEYS = List.of("service", "tables");
    static final List<String> PLANNED_KEYS = List.of("functions", "apis", "stages");
    static final List<String> TABLE_KEYS = List.of("name", "schema");
    static final List<String> PLANNED_TABLE_KEYS = List.of("keys", "indexes", "ttl", "stream");

    /** DynamoDB's rule for table names. */
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    private ProjectFileReader() {
    }

    static ProjectFile read(Path source, Optional<YamlNode> root) {
        if (root.isEmpty()) {
            return new ProjectFile(source, null, Map.of());
        }
        YamlMapping project = root.get().asMapping("the project file");
        project.requireKnownKeys("the project file", KEYS, PLANNED_KEYS);
        String service = project.get("service").map(n -> n.asScalar("service").asText("service")).orElse(null);
        Map<String, ProjectTable> tables = new LinkedHashMap<>();
        Optional<YamlNode> section = project.get("tables");
        if (section.isPresent() && !isEmpty(section.get())) {
            for (YamlMapping.Entry entry : section.get().asMapping("tables").entries()) {
                ProjectTable table = table(source.toString(), entry);
                ProjectTable same = tables.values().stream().filter(t -> t.name().equals(table.name())).findFirst().orElse(null);
                if (same != null) {
                    throw YamlNode.error(entry.keyLocation(), "tables '" + same.logicalName() + "' and '" + entry.key()
                            + "' are both the DynamoDB table '" + table.name() + "'.");
                }
                tables.put(entry.key(), table);
            }
        }
        return new ProjectFile(source, service, tables);
    }

    /** {@code users: {name: app-users, schema: {...}}}; an empty entry is a table with nothing declared. */
    private static ProjectTable table(String source, YamlMapping.Entry entry) {
        String logical = entry.key();
        String where = "table '" + logical + "'";
        if (isEmpty(entry.value())) {
            return new ProjectTable(logical, checkedName(logical, entry.keyLocation(), where, true), null);
        }
        YamlMapping settings = entry.value().asMapping(where);
        settings.requireKnownKeys(where, TABLE_KEYS, PLANNED_TABLE_KEYS);
        YamlNode nameNode = settings.get("name").orElse(null);
        String name = nameNode == null ? checkedName(logical, entry.keyLocation(), where, true)
                : checkedName(nameNode.asScalar("name").asText("name"), nameNode.location(), where, false);
        TableSchema schema = settings.get("schema").map(n -> SchemaReader.read(name, source, n)).orElse(null);
        return new ProjectTable(logical, name, schema);
    }

    /** @param logical true when the name is the table's key, which name: can replace */
    private static String checkedName(String name, Location at, String where, boolean logical) {
        if (!TABLE_NAME.matcher(name).matches()) {
            throw YamlNode.error(at, "'" + name + "' (" + where + ") is not a DynamoDB table name: 3 to 255 letters, digits, '_', '-' or '.'"
                    + (logical ? "; give the real table name with name:." : "."));
        }
        return name;
    }

    private static boolean isEmpty(YamlNode node) {
        return node instanceof YamlScalar scalar && scalar.empty();
    }
}
