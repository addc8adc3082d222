package dev.dynctl.dev.session;

import dev.dynctl.deploy.FunctionBuild;
import dev.dynctl.dev.LocalFunction;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.ServiceStage;
import dev.dynctl.model.StageFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A stage's functions made ready for the local host: each one's {@code build:} run (as deploy
 * runs it, once per command) and its code found where the file says. The host reads directories,
 * .zip and .jar files itself, so nothing is packaged or unpacked here.
 */
public final class LocalProject {
    private final ServiceStage stage;

    public LocalProject(ServiceStage stage) {
        this.stage = stage;
    }

    public ServiceStage stage() {
        return stage;
    }

    /**
     * Every function, built, in the file's order. A Node.js or Python function whose handler file
     * is not in its code gets a warning in {@code output}: dev serves the rest, and the file may
     * still come (each invocation says what is missing until it does).
     */
    public List<LocalFunction> build(Consumer<String> output) throws InterruptedException {
        List<LocalFunction> functions = build(stage.functions(), new FunctionBuild(stage.projectDirectory(), output));
        for (LocalFunction function : functions) {
            missingHandlerFile(function).ifPresent(files -> output.accept("Warning: function " + function.logicalName() + ": no "
                    + files + " in " + function.code() + " for its handler " + function.handler()
                    + "; its invocations fail (Runtime.ImportModuleError) until there is."));
        }
        return functions;
    }

    /** For a Node.js or Python function whose code is a folder: the handler's file(s) when none is there. */
    static Optional<String> missingHandlerFile(LocalFunction function) {
        String handler = function.handler();
        int slash = handler.lastIndexOf('/');
        boolean node = function.runtime().startsWith("nodejs");
        int dot = node ? handler.indexOf('.', slash + 1) : handler.lastIndexOf('.');
        if (!Files.isDirectory(function.code()) || dot <= slash + 1 || !(node || function.runtime().startsWith("python"))) {
            return Optional.empty();
        }
        String module = handler.substring(0, dot);
        List<String> candidates = node ? List.of(module + ".js", module + ".mjs", module + ".cjs")
                : List.of(handler.substring(0, slash + 1) + module.substring(slash + 1).replace('.', '/') + ".py",
                        handler.substring(0, slash + 1) + module.substring(slash + 1).replace('.', '/') + "/__init__.py");
        if (candidates.stream().anyMatch(file -> Files.isRegularFile(function.code().resolve(file)))) {
            return Optional.empty();
        }
        return Optional.of(node ? String.join(", ", candidates.subList(0, 2)) + " or " + candidates.get(2)
                : candidates.get(0) + " or " + candidates.get(1));
    }

    /**
     * The function with key or real name {@code name} ({@code items} or {@code notes-dev-items}),
     * built; empty when the stage has none.
     */
    public Optional<LocalFunction> build(String name, Consumer<String> output) throws InterruptedException {
        Optional<StageFunction> function = find(name);
        if (function.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(build(List.of(function.get()), new FunctionBuild(stage.projectDirectory(), output)).get(0));
    }

    /**
     * {@code functions} built again after their code changed, each handed to {@code built} as soon
     * as its build is done. A failed build stops there, its message saying that the code before
     * the change keeps serving.
     */
    public void rebuild(List<StageFunction> functions, Consumer<String> output, Consumer<LocalFunction> built)
            throws InterruptedException {
        FunctionBuild builds = new FunctionBuild(stage.projectDirectory(), output, "the code before the change keeps serving",
                "save a file again");
        for (StageFunction function : functions) {
            builds.run(function);
            built.accept(local(function));
        }
    }

    /** The function with this key, or else this real name. */
    public Optional<StageFunction> find(String name) {
        return stage.function(name).or(() -> stage.functions().stream().filter(f -> f.name().equals(name)).findFirst());
    }

    /** Where the function's code is: its code: path against the project directory. */
    public Path code(StageFunction function) {
        return stage.projectDirectory().resolve(function.code()).normalize();
    }

    private List<LocalFunction> build(List<StageFunction> functions, FunctionBuild builds) throws InterruptedException {
        List<LocalFunction> built = new ArrayList<>();
        for (StageFunction function : functions) {
            builds.run(function);
            built.add(local(function));
        }
        return built;
    }

    private LocalFunction local(StageFunction function) {
        Path code = code(function);
        if (!Files.exists(code)) {
            throw new DynctlException(ExitCode.FAILURE, "The code of function " + function.logicalName() + " is not at " + code
                    + (function.build() == null ? "." : " after its build ('" + function.buildAsWritten() + "')."),
                    "Check code: (and build:) of function " + function.logicalName() + " in the project file.");
        }
        return new LocalFunction(function.logicalName(), function.name(), function.runtime(), function.handler(), code,
                function.memoryMb(), function.timeoutSeconds(), function.environment());
    }
}
