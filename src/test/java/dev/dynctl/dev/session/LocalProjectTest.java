package dev.dynctl.dev.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dynctl.dev.LocalFunction;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.ServiceStage;
import dev.dynctl.model.StageFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stage's functions made ready for the host: builds run once each in the project directory, code found where the file says. */
class LocalProjectTest {
    @TempDir
    Path project;

    private final List<String> output = new CopyOnWriteArrayList<>();

    private StageFunction function(String key, String code, String build) {
        return new StageFunction(key, "notes-dev-" + key, "nodejs20.x", "index.handler", Path.of(code), build, 256, 10,
                Map.of("TABLE", "notes-dev-items"), "", Map.of());
    }

    private LocalProject stage(StageFunction... functions) {
        return new LocalProject(new ServiceStage("notes", "dev", project, List.of(), List.of(functions), List.of()));
    }

    @Test
    void buildsRunOnceInTheProjectDirectoryAndEachFunctionGetsItsCode() throws Exception {
        String build = "mkdir -p out && echo built >> out/log && touch out/handler.zip";
        LocalProject stage = stage(function("a", "out/handler.zip", build), function("b", "out/handler.zip", build));

        List<LocalFunction> built = stage.build(output::add);

        assertThat(built).extracting(LocalFunction::logicalName, LocalFunction::name, LocalFunction::code).containsExactly(
                tuple("a", "notes-dev-a", project.resolve("out/handler.zip")),
                tuple("b", "notes-dev-b", project.resolve("out/handler.zip")));
        assertThat(built.get(0)).extracting(LocalFunction::runtime, LocalFunction::handler, LocalFunction::memoryMb,
                LocalFunction::timeoutSeconds, LocalFunction::environment)
                .containsExactly("nodejs20.x", "index.handler", 256, 10, Map.of("TABLE", "notes-dev-items"));
        assertThat(project.resolve("out/log")).as("one build for both").hasContent("built");
        assertThat(output).containsExactly("Building function a: " + build);
    }

    /** mvn -q (without -B) ends with a line of colour resets alone: not a line of the build's output. */
    @Test
    void aLineOfColourResetsAloneIsNotShown() throws Exception {
        String build = "mkdir -p out && touch out/handler.zip && printf 'compiled\\n\\033[0m\\033[0m\\n\\033[1mbold\\033[0m\\n'";
        LocalProject stage = stage(function("a", "out/handler.zip", build));

        stage.build(output::add);

        assertThat(output).containsExactly("Building function a: " + build, "compiled", "\u001b[1mbold\u001b[0m");
    }

    /** dev serves on, but says at start which handler file is missing, rather than at each request. */
    @Test
    void aHandlerFileThatIsNotThereIsAWarningAtStart() throws Exception {
        Path items = Files.createDirectories(project.resolve("functions/items"));
        Path orders = Files.createDirectories(project.resolve("functions/orders"));
        Files.writeString(orders.resolve("index.mjs"), "export const handler = async () => ({});\n");
        LocalProject stage = stage(function("items", "functions/items", null), function("orders", "functions/orders", null),
                new StageFunction("py", "notes-dev-py", "python3.12", "pkg/app.handler", Path.of("functions/items"), null, 256, 10,
                        Map.of(), "", Map.of()));

        assertThat(stage.build(output::add)).hasSize(3);

        assertThat(output).containsExactly(
                "Warning: function items: no index.js, index.mjs or index.cjs in " + items
                        + " for its handler index.handler; its invocations fail (Runtime.ImportModuleError) until there is.",
                "Warning: function py: no pkg/app.py or pkg/app/__init__.py in " + items
                        + " for its handler pkg/app.handler; its invocations fail (Runtime.ImportModuleError) until there is.");
    }

    @Test
    void aFunctionIsFoundByItsKeyOrItsNameInTheStage() throws Exception {
        Files.createDirectories(project.resolve("functions/items"));
        LocalProject stage = stage(function("items", "functions/items", null));

        assertThat(stage.build("items", output::add)).map(LocalFunction::logicalName).contains("items");
        assertThat(stage.build("notes-dev-items", output::add)).map(LocalFunction::logicalName).contains("items");
        assertThat(stage.build("nothing", output::add)).isEmpty();
    }

    @Test
    void codeThatTheBuildDidNotMakeIsAnErrorNamingTheFunction() {
        LocalProject stage = stage(function("items", "dist/items.zip", "true"));

        assertThatThrownBy(() -> stage.build(output::add)).isInstanceOfSatisfying(DynctlException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE);
            assertThat(e.getMessage()).isEqualTo("The code of function items is not at " + project.resolve("dist/items.zip")
                    + " after its build ('true').");
        });
    }

    @Test
    void aFailedRebuildSaysTheCodeBeforeTheChangeKeepsServing() throws IOException {
        Files.createDirectories(project.resolve("functions/items"));
        StageFunction items = function("items", "functions/items", "echo broken; exit 3");
        List<LocalFunction> reloaded = new ArrayList<>();

        assertThatThrownBy(() -> stage(items).rebuild(List.of(items), output::add, reloaded::add))
                .isInstanceOfSatisfying(DynctlException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("The build of function items ('echo broken; exit 3') failed with exit status 3; "
                            + "the code before the change keeps serving.");
                    assertThat(e.hint()).isEqualTo("Its output is above. Fix the build and save a file again.");
                });
        assertThat(output).containsExactly("Building function items: echo broken; exit 3", "broken");
        assertThat(reloaded).isEmpty();
    }

    @Test
    void theWatchedFolderIsTheOneBuiltCodeComesFrom() throws IOException {
        Path items = Files.createDirectories(project.resolve("functions/items"));
        Files.createDirectories(items.resolve("target/classes"));
        Files.createDirectories(project.resolve("web/dist"));

        assertThat(DevSession.source(items, false)).isEqualTo(items);
        assertThat(DevSession.source(items.resolve("target/items.jar"), true)).isEqualTo(items);
        assertThat(DevSession.source(items.resolve("target/classes"), true)).isEqualTo(items);
        assertThat(DevSession.source(project.resolve("web/dist"), true)).isEqualTo(project.resolve("web"));
        assertThat(DevSession.source(project.resolve("web/dist"), false)).as("no build: the folder is the code").isEqualTo(project.resolve("web/dist"));
        assertThat(DevSession.source(project.resolve("bundle.zip"), false)).isEqualTo(project);
    }

    @Test
    void anInterruptedBuildEndsAtOnceAndLeavesNoProcessBehind() throws Exception {
        Files.createDirectories(project.resolve("functions/items"));
        LocalProject stage = stage(function("items", "functions/items", "echo started; sleep 600; echo never"));
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread building = new Thread(() -> {
            try {
                stage.build(output::add);
                ended.set(new AssertionError("the build finished"));
            } catch (Throwable e) {
                ended.set(e);
            }
        });
        building.start();
        awaitCondition(() -> output.contains("started"), "the build to start");
        List<ProcessHandle> build = ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("").contains("sleep 600"))
                .toList();

        building.interrupt();
        building.join(Duration.ofSeconds(30).toMillis());

        assertThat(building.isAlive()).as("the build still waits for its output").isFalse();
        assertThat(ended.get()).isInstanceOf(InterruptedException.class);
        assertThat(build).as("the build's processes").isNotEmpty();
        awaitCondition(() -> build.stream().noneMatch(ProcessHandle::isAlive), "the build's processes to end");
        assertThat(output).doesNotContain("never");
    }

    private static void awaitCondition(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
