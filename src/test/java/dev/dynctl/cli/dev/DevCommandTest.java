package dev.dynctl.cli.dev;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dynctl dev: what it refuses before it starts anything, and Ctrl-C. The whole service under dev is DevEndToEndTest's. */
class DevCommandTest {
    @TempDir
    Path temp;

    private Path project(String yaml) throws IOException {
        return Files.writeString(temp.resolve("dynctl.yaml"), yaml);
    }

    @Test
    void withoutAProjectFileThereIsNothingToRun() {
        Result r = cli().aws("dev", "--project", temp.resolve("dynctl.yaml").toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Project file '" + temp.resolve("dynctl.yaml") + "' not found.");
    }

    @Test
    void badPortsConcurrencyAndStagesAreUsageErrors() throws IOException {
        String file = project("service: notes\n").toString();

        Result port = cli().aws("dev", "--project", file, "--port", "70000");
        Result concurrency = cli().aws("dev", "--project", file, "--concurrency", "0");
        Result stage = cli().aws("dev", "--project", file, "--stage", "Dev_1");

        assertThat(port.code()).as(port.toString()).isEqualTo(2);
        assertThat(port.err()).contains("--port 70000 is not a port number (0-65535; 0 for free ports).");
        assertThat(concurrency.code()).as(concurrency.toString()).isEqualTo(2);
        assertThat(concurrency.err()).contains("--concurrency 0 runs nothing: give 1 or more.");
        assertThat(stage.code()).as(stage.toString()).isEqualTo(2);
        assertThat(stage.err()).contains("Dev_1");
    }

    @Test
    void helpShowsExamples() {
        Result r = cli().run("dev", "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--port", "--concurrency", "--no-watch", "--stage", "Examples:", "dynctl dev --stage alice --port 8080",
                // pasted on a machine without AWS settings, --endpoint-url alone has no region
                "dynctl dev --endpoint-url http://localhost:4566 --region us-east-1", "credentials of your AWS chain");
    }

    /**
     * A service of one table and nothing else: its table is made; a change of dynctl.yaml is noted, not applied; then Ctrl-C
     * ends dev with 130 and a sentence.
     */
    @Test
    void ctrlCStopsItWithExit130() throws Exception {
        String service = Engine.uniqueName("svc");
        Path file = project("service: " + service + "\ntables:\n  items:\n    keys: {partition: id:S}\n");

        try (DevRun dev = DevRun.start(Map.of("DYNCTL_LOCAL_HOME", temp.resolve("home").toString()), "dev", "--project", file.toString(),
                "--port", "0", "-o", "json")) {
            JsonNode ready = dev.ready(Duration.ofSeconds(60));
            assertThat(ready.path("service").asText()).isEqualTo(service);
            assertThat(ready.path("stage").asText()).isEqualTo("dev");
            assertThat(ready.path("endpoints")).isEmpty();
            assertThat(dev.err()).contains("Created table " + service + "-dev-items.", "Serving stage dev of service " + service + ". Ctrl-C stops it.");
            assertThat(Engine.dynamo().describeTable(b -> b.tableName(service + "-dev-items")).table().tableStatusAsString()).isEqualTo("ACTIVE");

            // a change of the file is said, not applied
            Files.writeString(file, "service: " + service + "\ntables:\n  items:\n    keys: {partition: id:S}\n"
                    + "  orders:\n    keys: {partition: id:S}\n");
            dev.awaitLine(line -> line.equals("dynctl.yaml changed: restart dynctl dev to apply it."), Duration.ofSeconds(30));
            assertThat(Engine.dynamo().listTablesPaginator().tableNames()).doesNotContain(service + "-dev-orders");

            dev.ctrlC();

            assertThat(dev.exit(Duration.ofSeconds(30))).isEqualTo(130);
            assertThat(dev.err()).endsWith("Stopped: the APIs and functions of stage dev are down.\n").doesNotContain("Error:");
        }
    }

    /**
     * Without -o: one line per API on stdout (type, key, URL), lined up. The function is never
     * called, and its build writes into its own code folder: a change of its code reloads it once,
     * not again for what the build wrote.
     */
    @Test
    void aPersonSeesOneLinePerApiAndAReloadIsNotRepeatedForWhatTheBuildWrote() throws Exception {
        String service = Engine.uniqueName("svc");
        Path code = Files.createDirectories(temp.resolve("functions/items"));
        Files.writeString(code.resolve("app.py"), "def handler(event, context):\n    return {}\n");
        Path other = Files.createDirectories(temp.resolve("functions/other"));
        Files.writeString(other.resolve("app.py"), "def handler(event, context):\n    return {}\n");
        Path file = project("service: " + service + "\nfunctions:\n"
                + "  items:\n    runtime: python3.12\n    handler: app.handler\n    code: functions/items\n"
                + "    build: date +%N > functions/items/generated.txt\n"
                + "  other:\n    runtime: python3.12\n    handler: app.handler\n    code: functions/other\n"
                + "apis:\n  api:\n    type: http\n    routes:\n      GET /items: items\n"
                + "  websocket:\n    type: websocket\n    routes:\n      $default: other\n");

        try (DevRun dev = DevRun.startOnTerminal(Map.of("DYNCTL_LOCAL_HOME", temp.resolve("home").toString()), "dev", "--project",
                file.toString(), "--port", "0")) {
            dev.awaitLine(line -> line.startsWith("Serving stage dev of service " + service), Duration.ofSeconds(60));
            List<String> lines = dev.out().lines().toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).matches("http       api        http://localhost:\\d+");
            assertThat(lines.get(1)).matches("websocket  websocket  ws://localhost:\\d+");

            Files.writeString(code.resolve("app.py"), "def handler(event, context):\n    return {'changed': True}\n");
            dev.awaitLine(line -> line.equals("items: code changed, reloaded"), Duration.ofSeconds(60));
            // a change of the other function, after it: once its note is there, any reload of items the build caused came before it
            Files.writeString(other.resolve("app.py"), "def handler(event, context):\n    return {'other': True}\n");
            dev.awaitLine(line -> line.equals("other: code changed, reloaded"), Duration.ofSeconds(60));

            assertThat(dev.err().lines().filter(line -> line.equals("items: code changed, reloaded"))).hasSize(1);
            dev.ctrlC();
            assertThat(dev.exit(Duration.ofSeconds(30))).isEqualTo(130);
        }
    }
}
