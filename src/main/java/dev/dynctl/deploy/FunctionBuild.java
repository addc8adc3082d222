package dev.dynctl.deploy;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.StageFunction;
import dev.dynctl.process.ProcessTrees;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The {@code build:} commands of a plan's functions, each run once in the project directory
 * through {@code sh -c} before the code is packaged (the plan compares the package's SHA-256).
 * What a build prints goes to the deploy's notes (stderr), never to its result. {@code dev} and
 * {@code function invoke --local} run builds through this too.
 */
public final class FunctionBuild {
    /** How long the output of a build that has ended is read on: what it started in the background may keep the pipe open. */
    private static final Duration OUTPUT_WAIT = Duration.ofSeconds(5);
    /** A line that is only colour resets ({@code mvn -q} without -B ends its quiet output with one): nothing to read. */
    private static final Pattern ANSI_RESETS = Pattern.compile("(\u001b\\[0?m)+");

    private final Path directory;
    private final Consumer<String> output;
    /** Several functions often share one build (a jar with every handler): it runs once. */
    private final Set<String> done = new HashSet<>();

    /** What a failed build means, and what to do then: said at the end of its message. */
    private final String consequence;
    private final String retry;

    public FunctionBuild(Path directory, Consumer<String> output) {
        this(directory, output, "nothing was deployed", "run the deploy again");
    }

    /**
     * @param consequence what a failed build means, e.g. "the code before the change keeps serving"
     * @param retry what to do once the build is fixed, e.g. "save a file again"
     */
    public FunctionBuild(Path directory, Consumer<String> output, String consequence, String retry) {
        this.directory = directory;
        this.output = output;
        this.consequence = consequence;
        this.retry = retry;
    }

    /** Runs the function's build unless it has none or it ran already; a failed build is exit 1 naming the function. */
    public void run(StageFunction function) throws InterruptedException {
        String command = function.build();
        if (command == null || !done.add(command)) {
            return;
        }
        // shown as the file writes it: the command run may hold an ${env:…} secret
        String shown = function.buildAsWritten();
        output.accept("Building function " + function.logicalName() + ": " + shown);
        Process process;
        try {
            process = new ProcessBuilder("sh", "-c", command).directory(directory.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot run the build of function " + function.logicalName() + " ('" + shown
                    + "'): " + e.getMessage() + ".", "The build runs with sh -c in " + directory + ".", e);
        }
        // read on a thread of its own, so that waiting for the build can be interrupted (Ctrl-C, a reload that stops)
        Thread reader = new Thread(() -> copyLines(process), "function-build-" + function.logicalName());
        reader.setDaemon(true);
        reader.start();
        try {
            // a build that asks for input gets none rather than waiting for it
            process.getOutputStream().close();
            int status = process.waitFor();
            // what the build left running in the background may hold the pipe open: its output is not waited for long
            reader.join(OUTPUT_WAIT.toMillis());
            if (status != 0) {
                throw new DynctlException(ExitCode.FAILURE, "The build of function " + function.logicalName() + " ('" + shown
                        + "') failed with exit status " + status + "; " + consequence + ".",
                        "Its output is above. Fix the build and " + retry + ".");
            }
        } catch (IOException e) {
            ProcessTrees.kill(process.toHandle());
            throw new DynctlException(ExitCode.FAILURE, "Cannot run the build of function " + function.logicalName() + ": "
                    + e.getMessage() + ".", null, e);
        } catch (InterruptedException e) {
            // the build is ours: it does not outlive the deploy or the dev session
            ProcessTrees.kill(process.toHandle());
            throw e;
        }
    }

    private void copyLines(Process process) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!ANSI_RESETS.matcher(line).matches()) {
                    output.accept(line);
                }
            }
        } catch (IOException stopped) {
            // the build was killed: its pipe is gone
        }
    }
}
