package dev.dynctl.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Python that runs the engine: DYNCTL_PYTHON (or the system property dynctl.python), else
 * python3, looked up on PATH as a shell would. dynctl does not search for other interpreters:
 * the one it found is named in every error, so the user can point DYNCTL_PYTHON elsewhere.
 */
record Python(String command, String source, Path path) {
    static final String VARIABLE = "DYNCTL_PYTHON";
    static final String DEFAULT = "python3";

    static Python fromEnvironment(Map<String, String> env) {
        String configured = System.getProperty("dynctl.python", env.get(VARIABLE));
        boolean given = configured != null && !configured.isBlank();
        String command = given ? configured.trim() : DEFAULT;
        // the environment handed in may be partial (tests); the process's own PATH stands in then
        String searchPath = env.containsKey("PATH") ? env.get("PATH") : System.getenv("PATH");
        return new Python(command, given ? VARIABLE : null, locate(command, searchPath));
    }

    private static Path locate(String command, String searchPath) {
        try {
            if (command.contains(File.separator)) {
                return Path.of(command).toAbsolutePath();
            }
            if (searchPath == null) {
                return null;
            }
            for (String folder : searchPath.split(File.pathSeparator)) {
                if (folder.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(folder, command);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate.toAbsolutePath();
                }
            }
            return null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** What to run: the file found, or the command as given (which then fails to start, and says so). */
    String executable() {
        return path == null ? command : path.toString();
    }

    /** The interpreter for messages: "python3 (/usr/bin/python3)" or "DYNCTL_PYTHON=/opt/venv/bin/python". */
    String describe() {
        String named = source == null ? command : source + "=" + command;
        return path == null || path.toString().equals(command) ? named : named + " (" + path + ")";
    }
}
