package dev.dynctl.model;

import static dev.dynctl.model.ProjectFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What Lambda would refuse halfway through a deploy is refused in the file, before anything is made. */
class FunctionSettingsInFileTest {
    @TempDir
    Path dir;

    private String function(String runtime, String environment) {
        return "functions:\n  items:\n    runtime: " + runtime + "\n    handler: app.handler\n    code: src\n" + environment;
    }

    @Test
    void aRuntimeLambdaDoesNotHaveIsRefusedAtItsLine() {
        Path file = write(dir, function("cobol", ""));
        assertThatThrownBy(() -> ProjectFile.load(file))
                .isInstanceOf(DynctlException.class)
                .hasMessage(file + ":3:14: 'cobol' (function 'items') is not a Lambda runtime.")
                .satisfies(e -> assertThat(((DynctlException) e).exitCode()).isEqualTo(ExitCode.USAGE))
                .satisfies(e -> assertThat(((DynctlException) e).hint()).contains("python3.12", "provided.al2023"));
    }

    /** A runtime of a known family but a version Lambda does not have, or a near miss, is refused with the near names. */
    @ParameterizedTest
    @ValueSource(strings = {"nodejs99.x", "node20", "python3.99", "java20"})
    void aRuntimeTheSdkDoesNotKnowIsRefused(String runtime) {
        Path file = write(dir, function(runtime, ""));
        assertThatThrownBy(() -> ProjectFile.load(file))
                .isInstanceOf(DynctlException.class)
                .hasMessage(file + ":3:14: '" + runtime + "' (function 'items') is not a Lambda runtime.")
                .satisfies(e -> assertThat(((DynctlException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @Test
    void aNearMissSaysWhichRuntimeItMeant() {
        Path file = write(dir, function("nodejs20", ""));
        assertThatThrownBy(() -> ProjectFile.load(file))
                .isInstanceOfSatisfying(DynctlException.class, e -> assertThat(e.hint()).contains("Did you mean", "nodejs20.x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nodejs20.x", "python3.12"})
    void aNodeOrPythonHandlerWithoutADotIsRefusedAtItsLine(String runtime) {
        Path file = write(dir, "functions:\n  items:\n    runtime: " + runtime + "\n    handler: index\n    code: src\n");
        assertThatThrownBy(() -> ProjectFile.load(file))
                .isInstanceOf(DynctlException.class)
                .hasMessageStartingWith(file + ":4:14: handler 'index' (function 'items') must be "
                        + (runtime.startsWith("node") ? "FILE.EXPORT" : "MODULE.FUNCTION"))
                .satisfies(e -> assertThat(((DynctlException) e).exitCode()).isEqualTo(ExitCode.USAGE));
        assertThatThrownBy(() -> ProjectFile.load(write(dir, "functions:\n  items:\n    runtime: " + runtime + "\n    handler: src/app.\n    code: src\n")))
                .hasMessageContaining("handler 'src/app.' (function 'items') must be");
        assertThat(ProjectFile.load(write(dir, "functions:\n  items:\n    runtime: " + runtime + "\n    handler: src/app.handler\n    code: src\n"))
                .source()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"python3.12", "python3.13", "nodejs20.x", "nodejs24.x", "java17", "java8.al2", "dotnet8", "ruby3.3",
            "provided", "provided.al2", "provided.al2023"})
    void everyFamilyOfRuntimeIsTaken(String runtime) {
        ProjectFile project = ProjectFile.load(write(dir, function(runtime, "")));
        assertThat(project.source()).isPresent();
    }

    @Test
    void aVariableLambdaSetsItselfIsRefusedAtItsLine() {
        Path file = write(dir, function("python3.12", "    environment:\n      STAGE: dev\n      AWS_REGION: eu-west-1\n"));
        assertThatThrownBy(() -> ProjectFile.load(file))
                .isInstanceOf(DynctlException.class)
                .hasMessage(file + ":8:7: AWS_REGION is set by Lambda itself and cannot be given in environment:.");
    }
}
