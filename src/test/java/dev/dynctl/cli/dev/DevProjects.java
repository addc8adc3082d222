package dev.dynctl.cli.dev;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Projects as {@code dynctl init} writes them, for a runtime: the http-api project with its items
 * function, plus the rest-api template's API on the same function and the websocket template's
 * API and function (as {@code ws}), so one dev session serves every kind of API.
 */
final class DevProjects {
    private DevProjects() {
    }

    /** The project folder (its dynctl.yaml lists apis http, rest and ws; functions items and ws). */
    static Path init(Path parent, String runtime, String service) throws IOException {
        Path project = parent.resolve("project");
        Path socket = parent.resolve("socket");
        init(project, "http-api", runtime, service);
        init(socket, "websocket", runtime, service);
        copy(socket.resolve("functions/items"), project.resolve("functions/ws"));

        ObjectNode file = (ObjectNode) Json.YAML.readTree(project.resolve("dynctl.yaml").toFile());
        JsonNode template = Json.YAML.readTree(socket.resolve("dynctl.yaml").toFile());
        ObjectNode functions = (ObjectNode) file.path("functions");
        ObjectNode ws = template.path("functions").path("items").deepCopy();
        ws.put("code", ws.path("code").asText().replace("functions/items", "functions/ws"));
        if (ws.has("build")) {
            ws.put("build", ws.path("build").asText().replace("functions/items", "functions/ws"));
        }
        functions.set("ws", ws);
        for (JsonNode function : functions) {
            if (function.has("build")) {
                // the test machine builds offline, from the local Maven repository
                ((ObjectNode) function).put("build", function.path("build").asText().replace("mvn ", "mvn -o "));
            }
        }
        ObjectNode apis = (ObjectNode) file.path("apis");
        apis.putObject("rest").put("type", "rest").set("routes", apis.path("http").path("routes").deepCopy());
        ObjectNode socketApi = template.path("apis").path("ws").deepCopy();
        ObjectNode routes = (ObjectNode) socketApi.path("routes");
        routes.fieldNames().forEachRemaining(route -> routes.put(route, "ws"));
        apis.set("ws", socketApi);
        Json.YAML.writeValue(project.resolve("dynctl.yaml").toFile(), file);
        return project;
    }

    private static void init(Path folder, String template, String runtime, String service) {
        Result init = cli().run("init", folder.toString(), "--template", template, "--runtime", runtime, "--service", service, "-o", "json");
        assertThat(init.code()).as(init.toString()).isZero();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    /**
     * Changes the items handler: a request with ?crash=1 ends its process, and a missing item is
     * "Nothing with id …" instead of "No item with id …".
     */
    static void changeHandler(Path project, String runtime) throws IOException {
        switch (runtime) {
            case "nodejs20.x" -> edit(project.resolve("functions/items/index.mjs"), "export const handler = async (event) => {\n",
                    "export const handler = async (event) => {\n  if (event.queryStringParameters?.crash) {\n    process.exit(1);\n  }\n");
            case "python3.12" -> edit(project.resolve("functions/items/app.py"), "def handler(event, context):\n",
                    "def handler(event, context):\n    if (event.get(\"queryStringParameters\") or {}).get(\"crash\"):\n        os._exit(1)\n");
            default -> edit(project.resolve("functions/items/src/main/java/items/Handler.java"), "        String method = method(event);\n",
                    "        String method = method(event);\n        if (map(event.get(\"queryStringParameters\")).containsKey(\"crash\")) {\n"
                            + "            System.exit(1);\n        }\n");
        }
    }

    private static void edit(Path handler, String anchor, String replacement) throws IOException {
        String code = Files.readString(handler);
        assertThat(code).contains(anchor, "No item with id");
        Files.writeString(handler, code.replace(anchor, replacement).replace("No item with id", "Nothing with id"));
    }
}
