package dev.dynctl.model;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.yaml.YamlNode;
import dev.dynctl.model.yaml.YamlTree;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The project file, {@code dynctl.yaml}: the service's name and its tables with their schemas.
 * A mistake in it is a usage error (exit 2) that names the file, line and column.
 */
public final class ProjectFile {
    public static final String FILE_NAME = "dynctl.yaml";

    private final Path source;
    private final String service;
    private final Map<String, ProjectTable> tables;

    ProjectFile(Path source, String service, Map<String, ProjectTable> tables) {
        this.source = source;
        this.service = service;
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** A project with nothing in it: what a directory without dynctl.yaml has. */
    public static ProjectFile empty() {
        return new ProjectFile(null, null, Map.of());
    }

    /** Reads {@code file}, which must exist; messages name it as given. */
    public static ProjectFile load(Path file) {
        if (Files.isDirectory(file)) {
            throw DynctlException.usage("Project file '" + file + "' is a directory.", "Give the path of a " + FILE_NAME + " file.");
        }
        Optional<YamlNode> root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = YamlTree.read(file.toString(), in);
        } catch (NoSuchFileException e) {
            throw DynctlException.usage("Project file '" + file + "' not found.",
                    "Leave out --project to use " + FILE_NAME + " in the current directory, or give the path of one.");
        } catch (CharacterCodingException e) {
            throw DynctlException.usage("Project file '" + file + "' is not UTF-8 text.");
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot read project file '" + file + "': " + e.getMessage(), null, e);
        }
        return ProjectFileReader.read(file, root);
    }

    /** {@value #FILE_NAME} in {@code directory} when there is one; an empty project otherwise. */
    public static ProjectFile find(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? load(file) : empty();
    }

    /** The file read; empty for an empty project. */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    public Optional<String> service() {
        return Optional.ofNullable(service);
    }

    /** The tables in the order the file lists them. */
    public List<ProjectTable> tables() {
        return List.copyOf(tables.values());
    }

    /** The table whose real DynamoDB name is {@code name}. */
    public Optional<ProjectTable> table(String name) {
        return tables.values().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * The schema of {@code realTableName}, for a command that has nothing to do without one: a usage
     * error otherwise, saying what is missing (the file, the table, or its schema).
     */
    public TableSchema requireSchema(String realTableName) {
        if (source == null) {
            throw DynctlException.usage("No schema for table '" + realTableName + "': there is no " + FILE_NAME + " in the current directory.",
                    "Write one with the table's schema (see docs/schemas.md), or pass --project FILE.");
        }
        ProjectTable table = table(realTableName).orElseThrow(() -> DynctlException.usage(
                "No schema for table '" + realTableName + "': " + source + " does not list it.",
                tables.isEmpty() ? "Add it under tables: in " + source + "."
                        : "Its tables: " + String.join(", ", tables.values().stream().map(ProjectTable::name).toList())
                        + "; a table's real name is its name: setting, or its key under tables:."));
        return table.tableSchema().orElseThrow(() -> DynctlException.usage(
                "Table '" + realTableName + "' has no schema in " + source + ".",
                "Add schema: under tables: " + table.logicalName() + ": (see docs/schemas.md)."));
    }

    /** The schema that writes to the real table {@code realTableName} must follow, if the project has one. */
    public Optional<TableSchema> schemaFor(String realTableName) {
        return table(realTableName).flatMap(ProjectTable::tableSchema);
    }

    /** CONTRACT PLACEHOLDER — the project-file parser's; replaced by its owner's when the branches merge. */
    public ServiceStage forStage(String stage, StageTarget target) {
        throw new UnsupportedOperationException("ProjectFile.forStage: being written");
    }
}
