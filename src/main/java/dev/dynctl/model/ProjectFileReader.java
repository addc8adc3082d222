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

/**
 * Reads the project file's top level. Each section has its own reader ({@link TableSectionReader},
 * {@link FunctionReader}, {@link ApiReader}, {@link StageOverridesReader}); sections are read in
 * the order they refer to each other, so that a name that is not declared is pointed at.
 */
final class ProjectFileReader {
    static final List<String> KEYS = List.of("service", "tables", "functions", "apis", "stages");

    private ProjectFileReader() {
    }

    static ProjectFile read(Path source, Optional<YamlNode> root) {
        if (root.isEmpty()) {
            return empty(source);
        }
        YamlMapping project = root.get().asMapping("the project file");
        project.requireKnownKeys("the project file", KEYS);
        YamlScalar service = service(project);
        Map<String, ProjectTable> tables = tables(source.toString(), project, service != null);
        Map<String, ProjectFunction> functions = new LinkedHashMap<>();
        FunctionReader functionReader = new FunctionReader(tables.keySet());
        entries(project, "functions").forEach(e -> functions.put(e.key(), functionReader.read(e)));
        Map<String, ProjectApi> apis = new LinkedHashMap<>();
        ApiReader apiReader = new ApiReader(functions.keySet());
        entries(project, "apis").forEach(e -> apis.put(e.key(), apiReader.read(e)));
        Map<String, Map<String, FunctionOverride>> stages = project.get("stages").filter(n -> !isEmpty(n))
                .map(n -> new StageOverridesReader(functions.keySet()).read(n)).orElse(Map.of());
        return new ProjectFile(source, project.location(), service, tables, functions, apis, stages);
    }

    /** The top level's {@code service:} and nothing else: every other key is left unread, right or wrong. */
    static ProjectFile readService(Path source, Optional<YamlNode> root) {
        if (root.isEmpty()) {
            return empty(source);
        }
        YamlMapping project = root.get().asMapping("the project file");
        return new ProjectFile(source, project.location(), service(project), Map.of(), Map.of(), Map.of(), Map.of());
    }

    private static ProjectFile empty(Path source) {
        return new ProjectFile(source, new Location(source.toString(), 1, 1), null, Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** {@code service:} as text, or null when the file names none. */
    private static YamlScalar service(YamlMapping project) {
        YamlScalar service = project.scalar("service").orElse(null);
        if (service != null) {
            service.asText("service");
        }
        return service;
    }

    private static Map<String, ProjectTable> tables(String source, YamlMapping project, boolean hasService) {
        Map<String, ProjectTable> tables = new LinkedHashMap<>();
        TableSectionReader reader = new TableSectionReader(source, hasService);
        for (YamlMapping.Entry entry : entries(project, "tables")) {
            ProjectTable table = reader.read(entry);
            ProjectTable same = tables.values().stream().filter(t -> t.name().equals(table.name())).findFirst().orElse(null);
            if (same != null) {
                throw YamlNode.error(entry.keyLocation(), "tables '" + same.logicalName() + "' and '" + entry.key()
                        + "' are both the DynamoDB table '" + table.name() + "'.");
            }
            tables.put(entry.key(), table);
        }
        return tables;
    }

    /** The entries of a top-level section; none when it is missing or empty ({@code functions:}). */
    private static List<YamlMapping.Entry> entries(YamlMapping project, String section) {
        return project.get(section).filter(n -> !isEmpty(n)).map(n -> List.copyOf(n.asMapping(section).entries())).orElse(List.of());
    }

    static boolean isEmpty(YamlNode node) {
        return node instanceof YamlScalar scalar && scalar.empty();
    }
}
