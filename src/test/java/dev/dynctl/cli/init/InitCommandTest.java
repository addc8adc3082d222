package dev.dynctl.cli.init;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** dynctl init: a project file and a CRUD function for every template and runtime, never over a user's files. */
class InitCommandTest {
    private static final List<String> HTTP_ROUTES = List.of("GET /items", "POST /items", "GET /items/{id}", "PUT /items/{id}",
            "DELETE /items/{id}");

    @TempDir
    Path temp;

    static Stream<Arguments> templatesAndRuntimes() {
        return combinations(List.of("python3.12", "nodejs20.x", "java17"));
    }

    /** The runtimes whose handler is one script (the Java one is compiled by its own Maven build). */
    static Stream<Arguments> templatesAndScriptRuntimes() {
        return combinations(List.of("python3.12", "nodejs20.x"));
    }

    private static Stream<Arguments> combinations(List<String> runtimes) {
        List<Arguments> all = new ArrayList<>();
        for (String template : List.of("http-api", "rest-api", "websocket")) {
            for (String runtime : runtimes) {
                all.add(Arguments.of(template, runtime));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("templatesAndRuntimes")
    void scaffoldsAProjectFileAndAHandler(String template, String runtime) throws IOException {
        Path project = temp.resolve("notes");

        Result r = cli().run("init", project.toString(), "--template", template, "--runtime", runtime);

        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode file = Json.YAML.readTree(project.resolve("dynctl.yaml").toFile());
        assertThat(file.path("service").asText()).isEqualTo("notes");
        JsonNode table = file.path("tables").path("items");
        assertThat(table.path("keys").path("partition").asText()).isEqualTo("id:S");
        assertThat(table.path("schema").path("attributes").has("id")).isTrue();
        JsonNode function = file.path("functions").path("items");
        assertThat(function.path("runtime").asText()).isEqualTo(runtime);
        assertThat(function.path("environment").path("TABLE").asText()).isEqualTo("${tables.items.name}");
        assertThat(function.path("tables").path("items").asText()).isEqualTo("read-write");
        assertThat(file.path("apis")).hasSize(1);
        JsonNode api = file.path("apis").elements().next();
        List<String> routes = new ArrayList<>();
        api.path("routes").fieldNames().forEachRemaining(routes::add);
        api.path("routes").forEach(target -> assertThat(target.asText()).isEqualTo("items"));
        switch (template) {
            case "http-api" -> {
                assertThat(file.path("apis").has("http")).isTrue();
                assertThat(api.path("type").asText()).isEqualTo("http");
                assertThat(api.path("cors").asBoolean()).isTrue();
                assertThat(routes).containsExactlyInAnyOrderElementsOf(HTTP_ROUTES);
            }
            case "rest-api" -> {
                assertThat(file.path("apis").has("rest")).isTrue();
                assertThat(api.path("type").asText()).isEqualTo("rest");
                assertThat(routes).containsExactlyInAnyOrderElementsOf(HTTP_ROUTES);
            }
            default -> {
                assertThat(file.path("apis").has("ws")).isTrue();
                assertThat(api.path("type").asText()).isEqualTo("websocket");
                assertThat(routes).contains("$connect", "$disconnect", "$default", "list", "get", "put", "delete");
            }
        }
        Path code = project.resolve(function.path("code").asText());
        switch (runtime) {
            case "python3.12" -> {
                assertThat(function.path("handler").asText()).isEqualTo("app.handler");
                assertThat(code.resolve("app.py")).content().contains("import boto3", "os.environ[\"TABLE\"]");
            }
            case "nodejs20.x" -> {
                assertThat(function.path("handler").asText()).isEqualTo("index.handler");
                assertThat(code.resolve("index.mjs")).content().contains("@aws-sdk/client-dynamodb", "export const handler");
            }
            default -> {
                assertThat(function.path("build").asText()).isEqualTo("mvn -q -B -f functions/items/pom.xml package");
                assertThat(function.path("code").asText()).isEqualTo("functions/items/target/items.jar");
                assertThat(function.path("handler").asText()).isEqualTo("items.Handler::handleRequest");
                assertThat(project.resolve("functions/items/pom.xml")).content()
                        .contains("aws-lambda-java-core", "maven-shade-plugin", "<finalName>items</finalName>");
                assertThat(project.resolve("functions/items/src/main/java/items/Handler.java")).content()
                        .contains("DynamoDbClient", "System.getenv(\"TABLE\")");
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("templatesAndScriptRuntimes")
    void handlersAreValidCode(String template, String runtime) throws Exception {
        Path project = temp.resolve("p");
        assertThat(cli().run("init", project.toString(), "--template", template, "--runtime", runtime).code()).isZero();

        if (runtime.equals("python3.12")) {
            Path app = project.resolve("functions/items/app.py");
            assertThat(run(project, "python3", "-m", "py_compile", app.toString())).as("python3 -m py_compile").isZero();
        } else {
            assumeTrue(onPath("node"), "node is not installed");
            assertThat(run(project, "node", "--check", project.resolve("functions/items/index.mjs").toString())).as("node --check").isZero();
        }
    }

    @Test
    void httpHandlersAnswerWithJsonCorsAnd404() throws IOException {
        Path project = temp.resolve("p");
        cli().run("init", project.toString(), "--runtime", "python3.12");
        cli().run("init", temp.resolve("n").toString(), "--runtime", "nodejs20.x");

        assertThat(project.resolve("functions/items/app.py")).content()
                .contains("\"Access-Control-Allow-Origin\": \"*\"", "answer(404", "answer(400", "\"Content-Type\": \"application/json\"");
        assertThat(temp.resolve("n/functions/items/index.mjs")).content()
                .contains("\"Access-Control-Allow-Origin\": \"*\"", "answer(404", "answer(400");
    }

    @Test
    void refusesToOverwriteAndNamesTheFilesThatExist() throws IOException {
        Path project = temp.resolve("p");
        Files.createDirectories(project);
        Files.writeString(project.resolve("dynctl.yaml"), "service: mine\n");

        Result r = cli().run("init", project.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Not overwriting", project.resolve("dynctl.yaml").toString()).contains("--force");
        assertThat(project.resolve("dynctl.yaml")).hasContent("service: mine");
        assertThat(project.resolve("functions")).as("nothing written").doesNotExist();
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsAUsageError() throws IOException {
        Path file = Files.writeString(temp.resolve("README"), "notes");

        Result r = cli().run("init", file.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Cannot init " + file + ": " + file + " is a file, not a directory.");
        assertThat(file).hasContent("notes");

        Result under = cli().run("init", file.resolve("sub").toString());
        assertThat(under.code()).as(under.toString()).isEqualTo(2);
        assertThat(under.err()).contains("Cannot init " + file.resolve("sub") + ": " + file + " is a file, not a directory.");
    }

    @Test
    void forceOverwrites() {
        Path project = temp.resolve("p");
        assertThat(cli().run("init", project.toString()).code()).isZero();

        Result r = cli().run("init", project.toString(), "--force", "--runtime", "nodejs20.x");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(project.resolve("dynctl.yaml")).content().contains("runtime: nodejs20.x");
    }

    @Test
    void theServiceIsNamedAfterTheDirectoryMadeValid() throws IOException {
        Path project = temp.resolve("My Shop_2");

        assertThat(cli().run("init", project.toString()).code()).isZero();

        assertThat(Json.YAML.readTree(project.resolve("dynctl.yaml").toFile()).path("service").asText()).isEqualTo("my-shop-2");
    }

    @Test
    void serviceOptionNamesTheServiceAndIsChecked() throws IOException {
        Path project = temp.resolve("p");
        assertThat(cli().run("init", project.toString(), "--service", "orders").code()).isZero();
        assertThat(Json.YAML.readTree(project.resolve("dynctl.yaml").toFile()).path("service").asText()).isEqualTo("orders");

        Result bad = cli().run("init", temp.resolve("q").toString(), "--service", "Orders_1");

        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("'Orders_1' is not a service name", "--service orders-1");
        assertThat(temp.resolve("q")).doesNotExist();
    }

    @Test
    void aPersonSeesTheFilesAndWhatToRunNext() {
        Path project = temp.resolve("shop");

        Result r = cli().interactive(true).run("init", project.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Wrote " + project.resolve("dynctl.yaml"), "Wrote " + project.resolve("functions/items/app.py"),
                "Wrote " + project.resolve(".gitignore"), "Service 'shop'", "cd " + project, "dynctl deploy plan --stage dev", "dynctl deploy --stage dev", "dynctl local start",
                "dynctl dev ", "dynctl function invoke items --local --logs");
    }

    @Test
    void scriptsGetTheFilesAsJson() throws IOException {
        Path project = temp.resolve("shop");

        Result r = cli().run("init", project.toString(), "--template", "websocket", "-o", "json");

        JsonNode written = Json.MAPPER.readTree(r.out());
        assertThat(written.path("service").asText()).isEqualTo("shop");
        assertThat(written.path("template").asText()).isEqualTo("websocket");
        assertThat(written.path("files")).extracting(JsonNode::asText)
                .containsExactly(project.resolve("dynctl.yaml").toString(), project.resolve("functions/items/app.py").toString(),
                        project.resolve(".gitignore").toString());
    }

    @Test
    void gitIgnoresTheTableBackups() throws IOException {
        Path fresh = temp.resolve("fresh");
        assertThat(cli().run("init", fresh.toString()).code()).isZero();
        assertThat(fresh.resolve(".gitignore")).content().contains("\n.dynctl/\n");

        Path repository = temp.resolve("repository");
        Files.createDirectories(repository);
        Files.writeString(repository.resolve(".gitignore"), "target/");
        Result added = cli().run("init", repository.toString(), "-o", "json");
        assertThat(added.code()).as("a .gitignore that is there is added to, not refused: " + added).isZero();
        assertThat(repository.resolve(".gitignore")).content().startsWith("target/\n#").endsWith("\n.dynctl/\n");
        assertThat(Json.MAPPER.readTree(added.out()).path("files")).extracting(JsonNode::asText)
                .contains(repository.resolve(".gitignore").toString());

        Result again = cli().run("init", repository.toString(), "--force", "-o", "json");
        assertThat(again.code()).isZero();
        assertThat(Files.readString(repository.resolve(".gitignore")).split("\\.dynctl/", -1)).as("added once").hasSize(2);
        assertThat(Json.MAPPER.readTree(again.out()).path("files")).extracting(JsonNode::asText)
                .doesNotContain(repository.resolve(".gitignore").toString());
    }

    /** deploy compares the jar's SHA-256: a build of the same code must make the same bytes, or no deploy is ever a no-op. */
    @Test
    void theJavaBuildMakesTheSameJarTwice() throws Exception {
        assumeTrue(onPath("mvn"), "mvn is not installed");
        Path project = temp.resolve("j");
        assertThat(cli().run("init", project.toString(), "--runtime", "java17").code()).isZero();
        Path jar = project.resolve("functions/items/target/items.jar");

        assertThat(run(project, "mvn", "-q", "-B", "-f", "functions/items/pom.xml", "package")).as("first build").isZero();
        byte[] first = Files.readAllBytes(jar);
        try (Stream<Path> built = Files.walk(project.resolve("functions/items/target"))) {
            built.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        // zip entries keep time in 2-second steps: once the clock is in the next step, any time the build writes differs
        long step = System.currentTimeMillis() / 2000;
        while (System.currentTimeMillis() / 2000 == step) {
            Thread.sleep(20);
        }
        assertThat(run(project, "mvn", "-q", "-B", "-f", "functions/items/pom.xml", "package")).as("second build, from scratch").isZero();

        assertThat(Files.readAllBytes(jar)).isEqualTo(first);
    }

    @Test
    void anUnknownTemplateOrRuntimeIsAUsageError() {
        Result template = cli().run("init", temp.toString(), "--template", "graphql");
        Result runtime = cli().run("init", temp.toString(), "--runtime", "ruby3.3");

        assertThat(template.code()).isEqualTo(2);
        assertThat(template.err()).contains("http-api, rest-api, websocket");
        assertThat(runtime.code()).isEqualTo(2);
        assertThat(runtime.err()).contains("python3.12, nodejs20.x, java17");
    }

    private static int run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (process.exitValue() != 0) {
            System.err.println(output);
        }
        return process.exitValue();
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
