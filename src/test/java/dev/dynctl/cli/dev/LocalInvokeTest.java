package dev.dynctl.cli.dev;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code function invoke --local}: what it refuses, a function the project does not have, one
 * invocation of a Python function (its output, then REPORT, then the answer) and {@code --deployed}.
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
        Files.writeString(temp.resolve("functions/items/app.py"), """
                import os
                import sys

                def handler(event, context):
                    for n in range(1, 201):
                        print("handler line %d" % n)
                    print("handler's last line", file=sys.stderr)
                    return {"event": event, "key": os.environ.get("AWS_ACCESS_KEY_ID"),
                            "secret": os.environ.get("AWS_SECRET_ACCESS_KEY")}
                """);
        file = Files.writeString(temp.resolve("dynctl.yaml"), "service: " + service + "\nfunctions:\n  items:\n    runtime: python3.12\n"
                + "    handler: app.handler\n    code: functions/items\n").toString();
    }

    @Test
    void aFunctionTheProjectDoesNotHaveIsNotFound() {
        Result r = cli().aws("function", "invoke", "itemz", "--local", "--project", file);

        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("No function 'itemz' in stage dev of service " + service, "Did you mean 'items'?",
                "For a function deployed to the local engine, add --deployed.");
        Result far = cli().aws("function", "invoke", "orders", "--local", "--project", file);
        assertThat(far.code()).as(far.toString()).isEqualTo(3);
        assertThat(far.err()).contains("Its functions: items.");
    }

    @Test
    void theProjectsFunctionRunsHereWithDummyCredentialsAndItsOutputBeforeTheAnswer() throws Exception {
        Result r = cli().aws("function", "invoke", "items", "--local", "--project", file, "--payload", "{\"id\": \"42\"}", "--logs",
                "-o", "json");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).startsWith("Running items of " + file + " (stage dev) on the local function host.\n");
        JsonNode answer = Json.MAPPER.readTree(r.out());
        assertThat(answer.path("event").path("id").asText()).isEqualTo("42");
        // dynctl's own key (the test run's, from the AWS chain) never reaches the function
        assertThat(System.getProperty("aws.accessKeyId")).isNotEqualTo("dynctl");
        assertThat(answer.path("key").asText()).isEqualTo("dynctl");
        assertThat(answer.path("secret").asText()).isEqualTo("local");
        List<String> lines = r.err().lines().toList();
        int last = lines.indexOf("handler line 200");
        int report = lines.stream().filter(line -> line.startsWith("REPORT RequestId: ")).findFirst().map(lines::indexOf).orElse(-1);
        assertThat(lines).as("all of the handler's output").contains("handler line 1", "handler's last line");
        assertThat(last).as("the handler's last line").isPositive();
        assertThat(report).as("REPORT after the handler's output").isGreaterThan(last);
        assertThat(report).isGreaterThan(lines.indexOf("handler's last line"));
    }

    /** A Node.js syntax error: the same type in the function's output, its error document and the closing line, with file:line. */
    @Test
    void aSyntaxErrorIsOneTypeEverywhereAndSaysWhereItIs() throws Exception {
        Files.createDirectories(temp.resolve("functions/broken"));
        Files.writeString(temp.resolve("functions/broken/index.mjs"), "export const handler = async () => {\n  return {\n};; )\n");
        Files.writeString(temp.resolve("dynctl.yaml"), "service: " + service + "\nfunctions:\n  broken:\n    runtime: nodejs20.x\n"
                + "    handler: index.handler\n    code: functions/broken\n");

        Result r = cli().aws("function", "invoke", "broken", "--local", "--project", file, "--logs", "-o", "json");

        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        JsonNode document = Json.MAPPER.readTree(r.out());
        assertThat(document.path("errorType").asText()).isEqualTo("Runtime.UserCodeSyntaxError");
        assertThat(document.path("errorMessage").asText()).isEqualTo("SyntaxError: Unexpected token ')' (index.mjs:3)");
        assertThat(r.err()).contains("Runtime.UserCodeSyntaxError: SyntaxError: Unexpected token ')' (index.mjs:3)",
                "Function 'broken' failed (Runtime.UserCodeSyntaxError); its error is printed above.").doesNotContain("Runtime.InitError");
    }

    @Test
    void deployedInvokesTheFunctionDeployedToTheEngineEvenInAProject() throws Exception {
        String name = Engine.uniqueName("fn-deployed");
        Engine.function(name);

        // moto runs no code: the answer is the payload
        Result r = cli().aws("function", "invoke", name, "--local", "--deployed", "--project", file, "--payload", "{\"from\": \"moto\"}",
                "-o", "json");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("Invoking " + name + " deployed to the local engine.");
        assertThat(Json.MAPPER.readTree(r.out()).path("from").asText()).isEqualTo("moto");
    }

    @Test
    void aFunctionTheLocalEngineDoesNotHaveIsNotFoundThoughMotoWouldAnswer() {
        String name = Engine.uniqueName("fn-deployed");
        Engine.function(name);

        Result deployed = cli().aws("function", "invoke", name + "x", "--local", "--deployed", "--project", file);
        assertThat(deployed.code()).as(deployed.toString()).isEqualTo(3);
        assertThat(deployed.err()).contains("Function '" + name + "x' not found in ", "Did you mean '" + name + "'");
        assertThat(deployed.out()).isEmpty();

        // no dynctl.yaml where the tests run (nor above, up to the repository's top): the deployed function
        Result noProject = cli().aws("function", "invoke", "nosuchfn", "--local");
        assertThat(noProject.code()).as(noProject.toString()).isEqualTo(3);
        assertThat(noProject.err()).contains("Invoking nosuchfn deployed to the local engine", "Function 'nosuchfn' not found in ");
        assertThat(noProject.out()).isEmpty();
    }

    @Test
    void deployedWithoutLocalIsAUsageError() {
        Result r = cli().aws("function", "invoke", "items", "--deployed");

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--deployed goes with --local");
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
        assertThat(r.err()).contains("--stage goes with --local",
                "Add --local to run it here, or invoke the deployed function by its name: dynctl function invoke " + service + "-dev-items.")
                .doesNotContain("notes-");
        Result deployed = cli().aws("function", "invoke", "items", "--local", "--deployed", "--stage", "alice", "--project", file);
        assertThat(deployed.code()).as(deployed.toString()).isEqualTo(2);
        assertThat(deployed.err()).contains("name the function as deployed: dynctl function invoke " + service + "-alice-items --local --deployed.");
    }

    @Test
    void aBadStageIsAUsageErrorBeforeAnythingRuns() {
        Result r = cli().aws("function", "invoke", "items", "--local", "--stage", "Prod", "--project", file);

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Prod");
    }
}
