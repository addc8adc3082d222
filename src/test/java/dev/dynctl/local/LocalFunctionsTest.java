package dev.dynctl.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local engine runs Lambda without Docker and knows AWS's managed policies: deploy and invoke work with --local.
 * It keeps APIs, but cannot serve them.
 */
class LocalFunctionsTest {
    @RegisterExtension
    final EngineSandbox sandbox = new EngineSandbox();

    @TempDir
    Path dir;

    @Test
    void deployAndInvokeAgainstTheLocalEngine() throws IOException {
        Path code = Files.createDirectory(dir.resolve("code"));
        Files.writeString(code.resolve("app.py"), "def handler(event, context):\n    return event\n");

        JsonNode deployed = sandbox.json("--local", "function", "deploy", "hello", "--code", code.toString(),
                "--runtime", "python3.12", "--handler", "app.handler", "--alias", "live", "-o", "json");
        assertThat(deployed.path("version").asText()).isEqualTo("1");
        assertThat(deployed.path("changed").toString()).isEqualTo("[\"function\",\"role\",\"version\",\"alias\"]");

        // without Docker the local engine answers with the payload
        JsonNode answer = sandbox.json("--local", "function", "invoke", "hello", "--payload", "{\"name\": \"Ada\"}", "-o", "json");
        assertThat(answer.path("name").asText()).isEqualTo("Ada");

        JsonNode again = sandbox.json("--local", "function", "deploy", "hello", "--code", code.toString(), "--alias", "live", "-o", "json");
        assertThat(again.path("changed")).isEmpty();
    }

    @Test
    void anApiIsKeptButNotCalledOnTheLocalEngine() throws IOException {
        Path code = Files.createDirectory(dir.resolve("code"));
        Files.writeString(code.resolve("app.py"), "def handler(event, context):\n    return event\n");
        sandbox.json("--local", "function", "deploy", "get-item", "--code", code.toString(), "--runtime", "python3.12",
                "--handler", "app.handler", "-o", "json");
        sandbox.json("--local", "api", "create", "shop", "--type", "rest", "-o", "json");
        sandbox.json("--local", "api", "route", "add", "shop", "GET /items/{id}", "--function", "get-item", "-o", "json");
        sandbox.json("--local", "api", "deploy", "shop", "--stage", "dev", "-o", "json");

        var call = sandbox.cli().run("--local", "api", "call", "shop", "GET /items/1", "--stage", "dev");
        assertThat(call.code()).as(call.toString()).isEqualTo(2);
        assertThat(call.err()).contains("The local engine keeps APIs but does not run them", "--base-url");
    }
}
