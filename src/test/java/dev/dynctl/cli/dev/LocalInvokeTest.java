package dev.dynctl.cli.dev;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code function invoke --local}: what it refuses, and a function the project does not have.
 * Invocations that run are DevEndToEndTest's.
 */
class LocalInvokeTest {
    @TempDir
    Path temp;

    private String file;
    private String service;

    @BeforeEach
    void project() throws IOException {
        service = Engine.uniqueName("svc");
        Files.createDirectories(temp.resolve("functions/items"));
        Files.writeString(temp.resolve("functions/items/app.py"), "def handler(event, context):\n    return event\n");
        file = Files.writeString(temp.resolve("dynctl.yaml"), "service: " + service + "\nfunctions:\n  items:\n    runtime: python3.12\n"
                + "    handler: app.handler\n    code: functions/items\n").toString();
    }

    @Test
    void aFunctionTheProjectDoesNotHaveIsNotFound() {
        Result r = cli().aws("function", "invoke", "itemz", "--local", "--project", file);

        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("No function 'itemz' in stage dev of service " + service, "Its functions: items.");
    }

    @Test
    void aQualifierNamesWhatLambdaHasNotTheProjectsCode() {
        Result r = cli().aws("function", "invoke", "items", "--local", "--qualifier", "live", "--project", file);

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--qualifier names a version or alias in Lambda; --local runs the code of " + file);
    }

    @Test
    void aStageWithoutLocalIsAUsageError() {
        Result r = cli().aws("function", "invoke", "items", "--stage", "dev", "--project", file);

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--stage goes with --local");
    }

    @Test
    void aBadStageIsAUsageErrorBeforeAnythingRuns() {
        Result r = cli().aws("function", "invoke", "items", "--local", "--stage", "Prod", "--project", file);

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Prod");
    }
}
