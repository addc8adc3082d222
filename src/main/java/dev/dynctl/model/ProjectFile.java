package dev.dynctl.model;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.yaml.Location;
import dev.dynctl.model.yaml.YamlNode;
import dev.dynctl.model.yaml.YamlScalar;
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
 * The project file, {@code dynctl.yaml}: the service's name, its tables with their schemas, its
 * functions, APIs and per-stage overrides (docs/deploy.md). A mistake in it is a usage error
 * (exit 2) that names the file, line and column. What depends on the stage (real names, {@code
 * ${…}} references, the environment) is resolved by {@link #forStage}.
 */
public final class ProjectFile {
    public static final String FILE_NAME = "dynctl.yaml";

    private final Path source;
    private final Location location;
    private final YamlScalar service;
    private final Map<String, ProjectTable> tables;
    private final Map<String, ProjectFunction> functions;
    private final Map<String, ProjectApi> apis;
    private final Map<String, Map<String, FunctionOverride>> stageOverrides;

    /**
     * @param location where the file's content starts, for what is missing from it
     * @param service null when the file names none
     * @param stageOverrides per stage, what it changes for each function it names
     */
    ProjectFile(Path source, Location location, YamlScalar service, Map<String, ProjectTable> tables,
                Map<String, ProjectFunction> functions, Map<String, ProjectApi> apis,
                Map<String, Map<String, FunctionOverride>> stageOverrides) {
        this.source = source;
        this.location = location;
        this.service = service;
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        this.functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
        this.apis = Collections.unmodifiableMap(new LinkedHashMap<>(apis));
        this.stageOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(stageOverrides));
    }

    /** A project with nothing in it: what a directory without dynctl.yaml has. */
    public static ProjectFile empty() {
        return new ProjectFile(null, null, null, Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** Reads {@code file}, which must exist; messages name it as given. */
    public static ProjectFile load(Path file) {
        return ProjectFileReader.read(file, parse(file));
    }

    /**
     * Reads only the service's name from {@code file} (which must exist, and be YAML): what {@code
     * deploy destroy} needs, so that a mistake elsewhere in the file cannot keep a stage from being
     * destroyed. The project has no tables, functions or APIs.
     */
    public static ProjectFile loadService(Path file) {
        return ProjectFileReader.readService(file, parse(file));
    }

    private static Optional<YamlNode> parse(Path file) {
        if (Files.isDirectory(file)) {
            throw DynctlException.usage("Project file '" + file + "' is a directory.", "Give the path of a " + FILE_NAME + " file.");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return YamlTree.read(file.toString(), in);
        } catch (NoSuchFileException e) {
            throw DynctlException.usage("Project file '" + file + "' not found.",
                    "Leave out --project to use " + FILE_NAME + " in the current directory, or give the path of one.");
        } catch (CharacterCodingException e) {
            throw DynctlException.usage("Project file '" + file + "' is not UTF-8 text.");
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot read project file '" + file + "': " + e.getMessage(), null, e);
        }
    }

    /**
     * The {@value #FILE_NAME} of the project {@code directory} is in, read; an empty project when
     * there is none (see {@link #locate}).
     */
    public static ProjectFile find(Path directory) {
        return locate(directory).map(ProjectFile::load).orElseGet(ProjectFile::empty);
    }

    /**
     * The {@value #FILE_NAME} of the project {@code directory} is in: the one in it, else in the
     * nearest folder above it that has one, looking no higher than a folder with a {@code .git}
     * (the top of a repository; a folder or, in a worktree, a file) or the filesystem's root, so a
     * command run in {@code functions/items/} works on its project.
     */
    public static Optional<Path> locate(Path directory) {
        for (Path folder = directory.toAbsolutePath().normalize(); folder != null; folder = folder.getParent()) {
            Path file = folder.resolve(FILE_NAME);
            if (Files.isRegularFile(file)) {
                return Optional.of(relativeToWorkingFolder(file));
            }
            if (Files.exists(folder.resolve(".git"))) {
                break;
            }
        }
        return Optional.empty();
    }

    /** {@code dynctl.yaml} as messages name it when it is here, else its path from here ({@code ../../dynctl.yaml}). */
    private static Path relativeToWorkingFolder(Path file) {
        Path here = Path.of("").toAbsolutePath();
        return file.getParent().equals(here) ? Path.of(FILE_NAME) : file;
    }

    /** The file read; empty for an empty project. */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    public Optional<String> service() {
        return serviceValue().map(YamlScalar::text);
    }

    /** Whether the file lists a function with this key (its key under functions:, not its real name). */
    public boolean hasFunction(String key) {
        return functions.containsKey(key);
    }

    /** The tables in the order the file lists them. */
    public List<ProjectTable> tables() {
        return List.copyOf(tables.values());
    }

    /**
     * The project as stage {@code stage} has it in {@code target}: real names, references
     * resolved, the stage's overrides applied. A stage name that is not one, a file without a
     * service, an unknown reference or an unset {@code ${env:NAME}} is a usage error (exit 2).
     */
    public ServiceStage forStage(String stage, StageTarget target) {
        return StageResolver.resolve(this, stage, target);
    }

    /**
     * The checked names of the service and of stage {@code stage}: what a deploy checks before it
     * asks anything of AWS. No project file (an empty project), a stage name that is not one, or a
     * file without a valid service is a usage error (exit 2).
     */
    public StageNames stageNames(String stage) {
        return StageResolver.names(this, stage);
    }

    /**
     * What {@code deploy destroy} wants of stage {@code stage}: nothing, for this file's service.
     * The service and stage names are checked as for {@link #forStage}; nothing else is resolved,
     * so a stage can be destroyed without the environment its deploy needed.
     */
    public ServiceStage nothingInStage(String stage) {
        return StageResolver.nothing(this, stage);
    }

    /**
     * The table whose real DynamoDB name is {@code name}: by its {@code name:} (by default its key), or else
     * by its name in any stage ({@code notes-dev-items}, or what {@code name: notes-${stage}-items} makes).
     */
    public Optional<ProjectTable> table(String name) {
        String serviceName = service().orElse(null);
        return tables.values().stream().filter(t -> t.name().equals(name)).findFirst()
                .or(() -> tables.values().stream().filter(t -> t.isNamed(name, serviceName)).findFirst());
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
                        : "Its tables: " + String.join(", ", tables.values().stream().map(t -> t.shownName(service().orElse(null))).toList())
                        + "; a table's real name is its name: setting, or its key under tables:"
                        + (hasStageNames() ? " (SERVICE-STAGE-KEY in a deployed stage)." : ".")));
        return table.tableSchema().orElseThrow(() -> DynctlException.usage(
                "Table '" + realTableName + "' has no schema in " + source + ".",
                "Add schema: under tables: " + table.logicalName() + ": (see docs/schemas.md)."));
    }

    /** The schema that writes to the real table {@code realTableName} must follow, if the project has one. */
    public Optional<TableSchema> schemaFor(String realTableName) {
        return table(realTableName).flatMap(ProjectTable::tableSchema);
    }

    /** Whether some table's real name depends on the stage it is deployed in. */
    private boolean hasStageNames() {
        return service != null && tables.values().stream().anyMatch(t -> t.nameSetting() == null || t.nameSetting().namesTheStage());
    }

    /** Where the file's content starts; null for an empty project. */
    Location location() {
        return location;
    }

    Optional<YamlScalar> serviceValue() {
        return Optional.ofNullable(service);
    }

    Map<String, ProjectFunction> functionsByKey() {
        return functions;
    }

    Map<String, ProjectApi> apisByKey() {
        return apis;
    }

    Map<String, Map<String, FunctionOverride>> stageOverrides() {
        return stageOverrides;
    }
}
