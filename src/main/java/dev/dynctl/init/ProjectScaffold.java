package dev.dynctl.init;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.NameRules;
import dev.dynctl.model.ProjectFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A new project: dynctl.yaml with one table, one CRUD function and one API, and the function's
 * code in the chosen runtime. The files are templates under {@code dev/dynctl/init/} with
 * {@code @NAME@} placeholders ({@code ${…}} is dynctl.yaml's own reference syntax).
 */
public final class ProjectScaffold {
    private static final String RESOURCES = "/dev/dynctl/init/";
    private static final String GITIGNORE = ".gitignore";
    /** Where deploy keeps what it writes next to dynctl.yaml (table backups). */
    private static final String BACKUPS = ".dynctl/";

    private final Path directory;
    private final String service;
    private final ApiTemplate api;
    private final HandlerRuntime runtime;

    /** @param service null for a name made from the directory's */
    public ProjectScaffold(Path directory, String service, ApiTemplate api, HandlerRuntime runtime) {
        this.directory = directory;
        this.service = service == null ? NameRules.serviceFrom(nameOf(directory)) : NameRules.checkService(service);
        this.api = api;
        this.runtime = runtime;
    }

    public String service() {
        return service;
    }

    /** The files of the project, by their path relative to its directory, in the order they are written. */
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(ProjectFile.FILE_NAME, projectFile());
        for (HandlerRuntime.TemplateFile file : runtime.files(api)) {
            files.put(file.target(), resource(file.resource()));
        }
        return files;
    }

    /**
     * Writes the files, creating the directories they need; refuses (exit 2, naming them) when any
     * exists already, unless {@code overwrite}, and then writes none. Then makes sure .gitignore
     * leaves out {@code .dynctl/}.
     *
     * @return the paths written or added to, relative to the directory
     */
    public List<String> write(boolean overwrite) {
        for (Path at = directory.toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.exists(at) && !Files.isDirectory(at)) {
                throw DynctlException.usage("Cannot init " + directory + ": " + at + " is a file, not a directory.",
                        "Give the directory to write the project into (made when missing).");
            }
        }
        Map<String, String> files = files();
        if (!overwrite) {
            List<String> existing = files.keySet().stream().filter(f -> Files.exists(directory.resolve(f))).toList();
            if (!existing.isEmpty()) {
                throw DynctlException.usage("Not overwriting what is there: " + String.join(", ",
                                existing.stream().map(f -> directory.resolve(f).toString()).toList()) + ".",
                        "Pass --force to replace " + (existing.size() == 1 ? "it" : "them") + ", or init another directory.");
            }
        }
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = directory.resolve(file.getKey());
            try {
                Files.createDirectories(path.toAbsolutePath().getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new DynctlException(ExitCode.FAILURE, "Cannot write " + path + ": " + reason(e),
                        written.isEmpty() ? "Check the directory's permissions." : "Written before it: " + String.join(", ", written) + ".", e);
            }
            written.add(file.getKey());
        }
        Path ignore = directory.resolve(GITIGNORE);
        try {
            if (ignoreBackups(ignore)) {
                written.add(GITIGNORE);
            }
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot write " + ignore + ": " + reason(e),
                    "Written before it: " + String.join(", ", written) + ". Add " + BACKUPS + " to it yourself.", e);
        }
        return written;
    }

    /**
     * Keeps deploy's folder out of git: its table backups hold the tables' items. A .gitignore
     * that is there is added to (never replaced), unless it ignores the folder already.
     *
     * @return true when the file was made or changed
     */
    private static boolean ignoreBackups(Path file) throws IOException {
        String entry = "# dynctl deploy's table backups: they hold the tables' items\n" + BACKUPS + "\n";
        if (!Files.exists(file)) {
            Files.writeString(file, entry, StandardCharsets.UTF_8);
            return true;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        boolean ignored = text.lines().map(String::strip).map(line -> line.replaceAll("^/|/$", "")).anyMatch(".dynctl"::equals);
        if (ignored) {
            return false;
        }
        Files.writeString(file, (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + entry, StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        return true;
    }

    private String projectFile() {
        String build = runtime.build() == null ? "" : "    build: " + runtime.build() + "\n";
        return resource(ProjectFile.FILE_NAME)
                .replace("@SERVICE@", service)
                .replace("@RUNTIME@", runtime.label())
                .replace("@HANDLER@", runtime.handler())
                .replace("@CODE@", runtime.code())
                .replace("@BUILD@", build)
                .replace("@API@", resource(api.apiResource()));
    }

    private static String resource(String name) {
        try (InputStream in = ProjectScaffold.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("dynctl's jar lacks the template " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nameOf(Path directory) {
        Path name = directory.toAbsolutePath().normalize().getFileName();
        return name == null ? "" : name.toString();
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
