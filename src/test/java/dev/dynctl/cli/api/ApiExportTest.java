package dev.dynctl.cli.api;

import static dev.dynctl.cli.api.ApiFixtures.deployableRestApi;
import static dev.dynctl.cli.api.ApiFixtures.json;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.AwsCli;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Resource;

class ApiExportTest {
    @TempDir
    Path dir;

    @Test
    void anOpenApiImportExportsTheSamePathsAndMethods() throws Exception {
        Path source = petstore();
        String name = Engine.uniqueName("pets");
        Result created = cli().aws("api", "create", name, "--type", "rest", "--from", source.toString());
        JsonNode api = json(created);
        String id = api.path("id").asText();
        assertThat(api.path("name").asText()).as("named as asked, not after info.title").isEqualTo(name);
        assertThat(api.path("description").asText()).isEqualTo("A petstore-like API for the import round trip");

        Map<String, Set<String>> imported = new TreeMap<>();
        for (Resource resource : Engine.apiGateway().getResources(b -> b.restApiId(id).embed("methods")).items()) {
            if (resource.hasResourceMethods() && !resource.resourceMethods().isEmpty()) {
                imported.put(resource.path(), lower(resource.resourceMethods().keySet()));
            }
        }
        Map<String, Set<String>> expected = paths(Json.YAML.readTree(source.toFile()));
        assertThat(imported).isEqualTo(expected);

        // API Gateway deploys only methods with an integration; an OpenAPI file without x-amazon-apigateway-integration has none
        Resource pets = Engine.apiGateway().getResources(b -> b.restApiId(id)).items().stream()
                .filter(r -> r.path().equals("/pets")).findFirst().orElseThrow();
        Engine.apiGateway().putIntegration(b -> b.restApiId(id).resourceId(pets.id()).httpMethod("GET").type(IntegrationType.MOCK));
        json(cli().aws("api", "deploy", name, "--stage", "prod"));

        Path yaml = dir.resolve("exported.yaml");
        Result exported = cli().aws("api", "export", name, "--to", yaml.toString());
        assertThat(exported.code()).as(exported.toString()).isZero();
        assertThat(exported.out()).isEmpty();
        assertThat(exported.err()).contains("Wrote the oas30 definition of API '" + name + "' to " + yaml);
        JsonNode definition = Json.YAML.readTree(yaml.toFile());
        assertThat(paths(definition)).isEqualTo(expected);

        Result swagger = cli().aws("api", "export", id, "--format", "swagger", "--stage", "prod", "-o", "json");
        assertThat(swagger.code()).as(swagger.toString()).isZero();
        assertThat(paths(Json.MAPPER.readTree(swagger.out()))).isEqualTo(expected);
    }

    @Test
    void theAwsCliSeesTheImportedApi() throws Exception {
        assumeTrue(AwsCli.installed(), "AWS CLI v2 not installed");
        String name = Engine.uniqueName("pets");
        String id = json(cli().aws("api", "create", name, "--type", "rest", "--from", petstore().toString())).path("id").asText();
        Result apis = AwsCli.run("apigateway", "get-resources", "--rest-api-id", id);
        assertThat(apis.code()).as(apis.toString()).isZero();
        assertThat(Json.MAPPER.readTree(apis.out()).path("items").findValuesAsText("path")).contains("/pets", "/pets/{petId}", "/owners");
        Result rest = AwsCli.run("apigateway", "get-rest-apis");
        assertThat(Json.MAPPER.readTree(rest.out()).path("items").findValuesAsText("name")).contains(name);
    }

    @Test
    void theExportIsJsonOrYamlOnStandardOutput() throws Exception {
        String name = Engine.uniqueName("out");
        deployableRestApi(name);
        json(cli().aws("api", "deploy", name, "--stage", "prod"));

        Result asJson = cli().aws("api", "export", name);
        assertThat(asJson.code()).as(asJson.toString()).isZero();
        assertThat(Json.MAPPER.readTree(asJson.out()).path("paths").has("/items")).isTrue();

        Result asYaml = cli().aws("api", "export", name, "-o", "yaml");
        assertThat(asYaml.out()).doesNotStartWith("{").contains("/items:");
        assertThat(Json.YAML.readTree(asYaml.out()).path("paths").has("/items")).isTrue();

        Result csv = cli().aws("api", "export", name, "-o", "csv");
        assertThat(csv.code()).isEqualTo(2);
        assertThat(csv.err()).contains("written as JSON or YAML, not csv");
    }

    /** The JSON reads like every other JSON dynctl prints: "key": value, not Jackson's default "key" : value. */
    @Test
    void theJsonIsIndentedAsDynctlsOtherJson() throws Exception {
        String name = Engine.uniqueName("fmt");
        deployableRestApi(name);
        json(cli().aws("api", "deploy", name, "--stage", "prod"));

        Result out = cli().aws("api", "export", name);
        assertThat(out.code()).as(out.toString()).isZero();
        assertThat(out.out()).startsWith("{\n  \"").contains("\": ").doesNotContain("\" : ", "[ ]", "{ }");

        Path file = dir.resolve("fmt.json");
        assertThat(cli().aws("api", "export", name, "--to", file.toString()).code()).isZero();
        // moto stamps info.version with the time of each export: the rest must be the same text
        assertThat(withoutVersion(Files.readString(file))).isEqualTo(withoutVersion(out.out()));
    }

    private static String withoutVersion(String export) {
        return export.replaceFirst("\"version\": \"[^\"]*\"", "\"version\": \"\"");
    }

    @Test
    void aRestExportNeedsAStageWhenThereIsNotExactlyOne() {
        String name = Engine.uniqueName("stageless");
        String id = deployableRestApi(name);
        Result none = cli().aws("api", "export", name);
        assertThat(none.code()).as(none.toString()).isEqualTo(2);
        assertThat(none.err()).contains("has no stage to export from", "dynctl api deploy " + id + " --stage STAGE");

        json(cli().aws("api", "deploy", name, "--stage", "prod"));
        json(cli().aws("api", "deploy", name, "--stage", "beta"));
        Result several = cli().aws("api", "export", name);
        assertThat(several.code()).as(several.toString()).isEqualTo(2);
        assertThat(several.err()).contains("has several stages: beta, prod.", "--stage");
    }

    @Test
    void whatAwsCannotExportIsRefused() {
        String ws = Engine.uniqueName("chat");
        json(cli().aws("api", "create", ws, "--type", "websocket"));
        Result websocket = cli().aws("api", "export", ws);
        assertThat(websocket.code()).as(websocket.toString()).isEqualTo(2);
        assertThat(websocket.err()).contains("is a WebSocket API, which API Gateway cannot export");

        String http = Engine.uniqueName("shop");
        json(cli().aws("api", "create", http, "--type", "http"));
        Result swagger = cli().aws("api", "export", http, "--format", "swagger");
        assertThat(swagger.code()).as(swagger.toString()).isEqualTo(2);
        assertThat(swagger.err()).contains("HTTP APIs export only as OpenAPI 3.0", "--format oas30");
    }

    @Test
    void aFileThatIsNotOpenApiIsRefused() throws IOException {
        Path notApi = Files.writeString(dir.resolve("list.yaml"), "- a\n- b\n");
        Result r = cli().aws("api", "create", Engine.uniqueName("bad"), "--type", "rest", "--from", notApi.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("is not an OpenAPI definition");

        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"openapi\": \"3.0.1\",\n  \"paths\": {,}}");
        Result bad = cli().aws("api", "create", Engine.uniqueName("bad"), "--type", "http", "--from", broken.toString());
        assertThat(bad.code()).as(bad.toString()).isEqualTo(2);
        assertThat(bad.err()).contains("Malformed JSON in " + broken + " at line 2");

        Path nope = dir.resolve("nope.yaml");
        Result missing = cli().aws("api", "create", Engine.uniqueName("bad"), "--type", "rest", "--from", nope.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("Error: Cannot read " + nope + ": it does not exist.\n"
                + "Hint: Give the path of an OpenAPI definition (YAML or JSON) after --from.\n");
    }

    /** A YAML mistake is one line naming the file, line and column, then a hint: not the parser's dump of the line. */
    @Test
    void malformedYamlIsOneLineWithWhereAndAHint() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "openapi: 3.0.1\ninfo:\n  title: x\n   version: [1\n");
        Result r = cli().aws("api", "create", Engine.uniqueName("bad"), "--type", "rest", "--from", broken.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        List<String> lines = r.err().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("Error: Malformed YAML in " + broken + " at line 4, column ");
        assertThat(lines.get(1)).isEqualTo("Hint: Fix the file there and run again; an OpenAPI 3 or Swagger 2 definition in YAML or JSON "
                + "is expected.");
        assertThat(r.out()).isEmpty();
    }

    /** --description goes into the definition sent; moto imports a REST definition only with one (AWS either way). */
    @Test
    void aDefinitionWithoutDescriptionIsImportedWithTheDescriptionOption() throws IOException {
        Path bare = Files.writeString(dir.resolve("bare.yaml"), "openapi: 3.0.1\ninfo:\n  title: bare\n  version: '1'\n"
                + "paths:\n  /pets:\n    get:\n      responses:\n        '200':\n          description: ok\n");
        String name = Engine.uniqueName("pets");
        JsonNode api = json(cli().aws("api", "create", name, "--type", "rest", "--from", bare.toString(), "--description", "Pets"));
        assertThat(api.path("description").asText()).isEqualTo("Pets");
        assertThat(Engine.apiGateway().getRestApi(b -> b.restApiId(api.path("id").asText())).description()).isEqualTo("Pets");

        Result without = cli().aws("api", "create", Engine.uniqueName("pets"), "--type", "rest", "--from", bare.toString());
        assertThat(without.code()).as(without.toString()).isEqualTo(1);
        assertThat(without.err()).contains("it has no info.description, which moto's ImportRestApi needs.",
                "Hint: Add info.description to the file or pass --description TEXT");
    }

    @Test
    void aToPathThatCannotBeWrittenIsAUsageErrorNamingIt() throws IOException {
        String name = Engine.uniqueName("unwritable");
        deployableRestApi(name);
        json(cli().aws("api", "deploy", name, "--stage", "prod"));

        Path missing = dir.resolve("no-such-folder").resolve("pets.yaml");
        assertRefused(name, missing, "Cannot write the API definition to " + missing + ": the folder " + missing.getParent()
                + " does not exist.", "Create the folder first");

        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        Path underFile = file.resolve("pets.yaml");
        assertRefused(name, underFile, "Cannot write the API definition to " + underFile + ": " + file + " is a file, not a folder.",
                "another --to path");

        assertRefused(name, dir, "Cannot write the API definition to " + dir + ": it is a folder.", "Name a file in it");
    }

    @Test
    void aToFolderThatIsNotWritableIsAUsageErrorNamingIt() throws IOException {
        String name = Engine.uniqueName("readonly");
        deployableRestApi(name);
        json(cli().aws("api", "deploy", name, "--stage", "prod"));
        Path locked = Files.createDirectory(dir.resolve("locked"));
        locked.toFile().setWritable(false, false);
        try {
            // root writes into a read-only folder all the same, but not into /sys (sysfs), which its permission bits allow
            Path folder = canCreateIn(locked) ? Path.of("/sys") : locked;
            assumeTrue(Files.isDirectory(folder) && !canCreateIn(folder), "no folder this user cannot write into");
            Path target = folder.resolve(name + ".json");
            Result r = cli().aws("api", "export", name, "--to", target.toString());
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).contains("Cannot write the API definition to " + target + ": ", "permissions").doesNotContain("Exception");
            assertThat(r.out()).isEmpty();
            assertThat(target).doesNotExist();
        } finally {
            locked.toFile().setWritable(true, false);
        }
    }

    private static boolean canCreateIn(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void assertRefused(String api, Path to, String message, String hint) {
        Result r = cli().aws("api", "export", api, "--to", to.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(message, hint).doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    private Path petstore() throws IOException {
        try (InputStream in = ApiExportTest.class.getResourceAsStream("/api/petstore.yaml")) {
            Path file = dir.resolve("openapi.yaml");
            Files.copy(in, file);
            return file;
        }
    }

    /** path → methods (lower case: exports differ in case), skipping paths without methods. */
    private static Map<String, Set<String>> paths(JsonNode definition) {
        Map<String, Set<String>> paths = new TreeMap<>();
        definition.path("paths").fields().forEachRemaining(path -> {
            Set<String> methods = new TreeSet<>();
            path.getValue().fieldNames().forEachRemaining(m -> {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "any").contains(m.toLowerCase(Locale.ROOT))) {
                    methods.add(m.toLowerCase(Locale.ROOT));
                }
            });
            if (!methods.isEmpty()) {
                paths.put(path.getKey(), methods);
            }
        });
        return paths;
    }

    private static Set<String> lower(Set<String> methods) {
        Set<String> lower = new TreeSet<>();
        methods.forEach(m -> lower.add(m.toLowerCase(Locale.ROOT)));
        return lower;
    }
}
