package dev.dynctl.cli.function;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.dynctl.codec.Json;
import dev.dynctl.functions.FunctionPackage;
import dev.dynctl.testing.AwsCli;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

class FunctionCommandsTest {
    @TempDir
    Path dir;

    // --- deploy

    @Test
    void deployFromADirectoryCreatesTheFunctionItsRoleAVersionAndTheAlias() throws IOException {
        String name = Engine.uniqueName("fn-dir");
        Path code = code("app.py", "lib/util.py");
        Result r = deploy(name, code, "--runtime", "python3.12", "--handler", "app.handler", "--env", "TABLE=orders",
                "--memory", "256", "--timeout", "10", "--description", "reads items", "--alias", "live");
        assertThat(r.code()).as(r.toString()).isZero();

        JsonNode doc = json(r);
        String role = "dynctl-" + name;
        assertThat(doc.path("function").asText()).isEqualTo(name);
        assertThat(doc.path("arn").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:" + name);
        assertThat(doc.path("version").asText()).isEqualTo("1");
        assertThat(doc.path("alias").asText()).isEqualTo("live");
        assertThat(doc.path("codeSha256").asText()).isEqualTo(FunctionPackage.of(code).sha256());
        assertThat(strings(doc.path("changed"))).containsExactly("function", "role", "version", "alias");
        assertThat(r.err()).contains("Created the execution role " + role + " (trusted by Lambda, with AWSLambdaBasicExecutionRole)",
                "Created function '" + name + "' from directory " + code,
                "Deployed function '" + name + "' version 1 as live (changed: function, role, version, alias).");

        GetFunctionConfigurationResponse config = Engine.lambda().getFunctionConfiguration(b -> b.functionName(name));
        assertThat(config.runtimeAsString()).isEqualTo("python3.12");
        assertThat(config.handler()).isEqualTo("app.handler");
        assertThat(config.memorySize()).isEqualTo(256);
        assertThat(config.timeout()).isEqualTo(10);
        assertThat(config.description()).isEqualTo("reads items");
        assertThat(config.environment().variables()).isEqualTo(Map.of("TABLE", "orders"));
        assertThat(config.role()).isEqualTo("arn:aws:iam::123456789012:role/" + role);
        assertThat(Engine.lambda().getAlias(b -> b.functionName(name).name("live")).functionVersion()).isEqualTo("1");

        String trust = Engine.iam().getRole(b -> b.roleName(role)).role().assumeRolePolicyDocument();
        assertThat(java.net.URLDecoder.decode(trust, StandardCharsets.UTF_8)).contains("lambda.amazonaws.com", "sts:AssumeRole");
        assertThat(Engine.iam().listAttachedRolePolicies(b -> b.roleName(role)).attachedPolicies()).extracting(AttachedPolicy::policyArn)
                .containsExactly("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
    }

    @Test
    void deployingTheSameInputsTwiceChangesNothingAndSaysSo() throws IOException {
        String name = Engine.uniqueName("fn-same");
        Path code = code("app.py");
        String[] args = {"--runtime", "python3.12", "--handler", "app.handler", "--env", "AA=1", "--alias", "live"};
        assertThat(deploy(name, code, args).code()).isZero();
        String modified = Engine.lambda().getFunctionConfiguration(b -> b.functionName(name)).lastModified();

        Result again = deploy(name, code, args);
        assertThat(again.code()).as(again.toString()).isZero();
        JsonNode doc = json(again);
        assertThat(doc.path("changed").isArray()).isTrue();
        assertThat(doc.path("changed")).isEmpty();
        assertThat(doc.path("version").asText()).isEqualTo("1");
        assertThat(again.err()).isEqualTo("Function '" + name + "' is up to date (version 1); nothing changed." + System.lineSeparator());
        assertThat(Engine.lambda().getFunctionConfiguration(b -> b.functionName(name)).lastModified()).isEqualTo(modified);
        assertThat(publishedVersions(name)).containsExactly("1");
    }

    @Test
    void aChangedEnvironmentUpdatesTheConfigurationPublishesAVersionAndMovesTheAlias() throws IOException {
        String name = Engine.uniqueName("fn-env");
        Path code = code("app.py");
        assertThat(deploy(name, code, "--runtime", "python3.12", "--handler", "app.handler", "--env", "AA=1", "--alias", "live").code()).isZero();

        Result r = deploy(name, code, "--env", "AA=2", "--env", "BB=3", "--alias", "live");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode doc = json(r);
        assertThat(strings(doc.path("changed"))).containsExactly("environment", "version", "alias");
        assertThat(doc.path("version").asText()).isEqualTo("2");
        assertThat(r.err()).doesNotContain("role");
        assertThat(Engine.lambda().getFunctionConfiguration(b -> b.functionName(name)).environment().variables())
                .isEqualTo(Map.of("AA", "2", "BB", "3"));
        assertThat(Engine.lambda().getAlias(b -> b.functionName(name).name("live")).functionVersion()).isEqualTo("2");
        assertThat(publishedVersions(name)).containsExactly("1", "2");
    }

    @Test
    void unsetEnvRemovesThoseVariablesAndKeepsTheRest() throws IOException {
        String name = Engine.uniqueName("fn-unset");
        Path code = code("app.py");
        assertThat(deploy(name, code, "--runtime", "python3.12", "--handler", "app.handler", "--env", "AA=1", "--env", "BB=2",
                "--env", "CC=3").code()).isZero();

        Result r = deploy(name, code, "--unset-env", "AA", "--unset-env", "CC", "--unset-env", "NOPE");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(strings(json(r).path("changed"))).containsExactly("environment", "version");
        assertThat(r.err()).contains("--unset-env NOPE: the function has no such variable.");
        assertThat(Engine.lambda().getFunctionConfiguration(b -> b.functionName(name)).environment().variables()).isEqualTo(Map.of("BB", "2"));

        Result again = deploy(name, code, "--unset-env", "AA");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(json(again).path("changed")).isEmpty();
    }

    @Test
    void aDeployWithoutAliasShowsNoAliasField() throws IOException {
        String name = Engine.uniqueName("fn-bare");
        Path code = code("app.py");
        assertThat(deploy(name, code, "--runtime", "python3.12", "--handler", "app.handler", "--env", "LOG_LEVEL=debug").code()).isZero();

        Result table = cli().interactive(true).aws("function", "deploy", name, "--code", code.toString(), "--unset-env", "LOG_LEVEL");
        assertThat(table.code()).as(table.toString()).isZero();
        assertThat(table.out()).contains(name, "version").doesNotContain("null", "alias");
        Result text = cli().aws("function", "deploy", name, "--code", code.toString(), "-o", "text");
        assertThat(text.code()).as(text.toString()).isZero();
        assertThat(text.out()).contains(name).doesNotContain("None", "null");
        Result doc = deploy(name, code);
        assertThat(json(doc).has("alias")).isFalse();
        assertThat(json(doc).path("version").asText()).isEqualTo("2");
    }

    @Test
    void aRoleThatIsNotARoleArnIsUsageWithTheRuleBeforeAnythingIsSent() throws IOException {
        String name = Engine.uniqueName("fn-role");
        for (String role : List.of("arn:aws:iam::1234:role/x", "report-runner", "arn:aws:iam::123456789012:user/x")) {
            Result r = deploy(name, code("app.py"), "--runtime", "java21", "--handler", "a.B::handle", "--role", role);
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("Error: --role '" + role + "' is not an IAM role ARN: Lambda takes arn:aws:iam::ACCOUNT:role/NAME, "
                    + "ACCOUNT being 12 digits and NAME letters, digits and +=,.@_-/.\n"
                    + "Hint: e.g. --role arn:aws:iam::123456789012:role/report-runner (see the ARN with 'aws iam get-role --role-name NAME').\n");
        }
        assertThat(functionExists(name)).isFalse();
        assertThat(roleExists("dynctl-" + name)).isFalse();
        String good = userRole(name);
        assertThat(deploy(name, code("app.py"), "--runtime", "python3.12", "--handler", "app.handler", "--role", good).code()).isZero();
    }

    @Test
    void clearEnvRemovesEveryVariable() throws IOException {
        String name = Engine.uniqueName("fn-clear");
        Path code = code("app.py");
        assertThat(deploy(name, code, "--runtime", "python3.12", "--handler", "app.handler", "--env", "AA=1", "--env", "BB=2").code()).isZero();

        Result r = deploy(name, code, "--clear-env");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(strings(json(r).path("changed"))).containsExactly("environment", "version");
        GetFunctionConfigurationResponse cleared = Engine.lambda().getFunctionConfiguration(b -> b.functionName(name));
        assertThat(cleared.environment() == null ? Map.of() : cleared.environment().variables()).isEmpty();

        Result again = deploy(name, code, "--clear-env");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(json(again).path("changed")).isEmpty();

        Result both = deploy(name, code, "--clear-env", "--env", "AA=s3cret");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--env gives the whole environment; --clear-env cannot go with it.").doesNotContain("s3cret");
    }

    @Test
    void changedCodeIsUploadedAndOnlyTheSettingsThatDifferAreSent() throws IOException {
        String name = Engine.uniqueName("fn-code");
        Path code = code("app.py");
        assertThat(deploy(name, code, "--runtime", "python3.12", "--handler", "app.handler", "--memory", "256").code()).isZero();

        Files.writeString(code.resolve("app.py"), "def handler(event, context):\n    return 'v2'\n");
        Result r = deploy(name, code, "--memory", "256", "--handler", "app.main", "--runtime", "python3.12");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(strings(json(r).path("changed"))).containsExactly("code", "handler", "version");
        assertThat(json(r).has("alias")).as("no alias asked for: no alias field").isFalse();
        GetFunctionConfigurationResponse config = Engine.lambda().getFunctionConfiguration(b -> b.functionName(name));
        assertThat(config.codeSha256()).isEqualTo(FunctionPackage.of(code).sha256());
        assertThat(config.handler()).isEqualTo("app.main");
    }

    @Test
    void deployFromAZipWithTheUsersRoleLeavesThatRoleAlone() throws IOException {
        String name = Engine.uniqueName("fn-zip");
        String role = userRole(name);
        Path zip = Files.write(dir.resolve("app.zip"), Engine.zip("app.py", "def handler(event, context):\n    return event\n"));
        Result r = deploy(name, zip, "--runtime", "python3.12", "--handler", "app.handler", "--role", role);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(strings(json(r).path("changed"))).containsExactly("function", "version");
        assertThat(r.err()).doesNotContain("execution role");

        assertThat(Engine.lambda().getFunctionConfiguration(b -> b.functionName(name)).role()).isEqualTo(role);
        assertThat(Engine.lambda().getFunctionConfiguration(b -> b.functionName(name)).codeSha256())
                .isEqualTo(FunctionPackage.of(zip).sha256());
        assertThat(Engine.iam().listAttachedRolePolicies(b -> b.roleName(name + "-mine")).attachedPolicies()).isEmpty();
        assertThat(roleExists("dynctl-" + name)).isFalse();
    }

    @Test
    void deployFromAJar() throws IOException {
        String name = Engine.uniqueName("fn-jar");
        Path jar = Files.write(dir.resolve("report.jar"), Engine.zip("com/example/Report.class", "not really bytecode"));
        Result r = deploy(name, jar, "--runtime", "java21", "--handler", "com.example.Report::handle", "--role", userRole(name));
        assertThat(r.code()).as(r.toString()).isZero();
        GetFunctionConfigurationResponse config = Engine.lambda().getFunctionConfiguration(b -> b.functionName(name));
        assertThat(config.runtimeAsString()).isEqualTo("java21");
        assertThat(config.codeSha256()).isEqualTo(FunctionPackage.of(jar).sha256());
    }

    @Test
    void badDeployInputIsUsageWithNothingCreated() throws IOException {
        String name = Engine.uniqueName("fn-bad");
        Path code = code("app.py");
        Result env = deploy(name, code, "--runtime", "python3.12", "--handler", "app.handler", "--env", "TABLE");
        assertThat(env.code()).as(env.toString()).isEqualTo(2);
        assertThat(env.err()).contains("--env 'TABLE' is not NAME=VALUE.");

        Result txt = deploy(name, Files.writeString(dir.resolve("app.txt"), "x"), "--runtime", "python3.12", "--handler", "app.handler");
        assertThat(txt.code()).isEqualTo(2);
        assertThat(txt.err()).contains("neither a directory, a .zip nor a .jar");

        Result missing = deploy(name, dir.resolve("nowhere"), "--runtime", "python3.12", "--handler", "app.handler");
        assertThat(missing.code()).isEqualTo(2);

        Result noRuntime = deploy(name, code, "--handler", "app.handler");
        assertThat(noRuntime.code()).isEqualTo(2);
        assertThat(noRuntime.err()).contains("does not exist yet", "needs --runtime and --handler");
        assertThat(functionExists(name)).isFalse();
        assertThat(roleExists("dynctl-" + name)).isFalse();
    }

    /** Each is refused with Lambda's rule before any request: the stub behind them records none. */
    @Test
    void badNamesAndSettingsAreUsageBeforeAnyRequest() throws IOException {
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer stub = lambdaStub(request -> {
            requests.add(request);
            return new StubAnswer(500, Map.of(), "{}");
        });
        Path code = code("app.py");
        String[] create = {"--code", code.toString(), "--runtime", "python3.12", "--handler", "app.handler"};
        Map<List<String>, String> said = new LinkedHashMap<>();
        said.put(List.of("deploy", ""), "Error: The function name is empty: Lambda takes 1 to 64 letters, digits, '-' and '_', or the function's ARN.");
        said.put(List.of("deploy", "bad name!"), "Error: 'bad name!' is not a function name or ARN: Lambda takes 1 to 64 letters");
        said.put(List.of("deploy", "f:live"), "Error: 'f:live' names version or alias 'live'; function deploy takes the function itself.");
        said.put(List.of("deploy", "f", "--alias", "bad alias!"), "Error: 'bad alias!' is not an alias name: Lambda takes 1 to 128 letters, digits, "
                + "'-' and '_', not all digits.");
        said.put(List.of("deploy", "f", "--alias", "5"), "Error: '5' is not an alias name");
        said.put(List.of("deploy", "f", "--env", "1BAD=x"), "Error: --env 1BAD: a variable's name is a letter and then at least one more letter, "
                + "digit or '_' (Lambda's rule).");
        said.put(List.of("deploy", "f", "--memory", "5"), "Error: --memory 5 is out of range: Lambda takes 128 to 10240 MB.");
        said.put(List.of("deploy", "f", "--timeout", "0"), "Error: --timeout 0 is out of range: Lambda takes 1 to 900 seconds.");
        said.put(List.of("deploy", "f", "--timeout", "901"), "Error: --timeout 901 is out of range: Lambda takes 1 to 900 seconds.");
        said.put(List.of("invoke", "bad name!"), "Error: 'bad name!' is not a function name or ARN");
        said.put(List.of("invoke", "f", "--qualifier", "a b"), "Error: 'a b' is not a version or alias");
        said.put(List.of("describe", "f/x"), "Error: 'f/x' is not a function name or ARN");
        said.put(List.of("delete", "", "--yes"), "Error: The function name is empty");
        said.put(List.of("delete", "f:3", "--yes"), "Error: 'f:3' names version or alias '3'; function delete takes the function itself.");
        try {
            said.forEach((command, message) -> {
                List<String> args = new ArrayList<>(List.of("function"));
                args.addAll(command);
                if (command.get(0).equals("deploy")) {
                    args.addAll(List.of(create));
                }
                args.addAll(List.of("--endpoint-url", "http://127.0.0.1:" + stub.getAddress().getPort(), "--region", "us-east-1"));
                Result r = cli().run(args.toArray(String[]::new));
                assertThat(r.code()).as(r.toString()).isEqualTo(2);
                assertThat(r.err()).as(r.toString()).startsWith(message).contains("\nHint: ");
            });
            assertThat(requests).isEmpty();
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void functionsAreNamedByNameArnOrPartialArn() throws IOException {
        String name = Engine.uniqueName("fn-arn");
        String arn = Engine.function(name);
        Result describe = cli().aws("function", "describe", arn, "-o", "json");
        assertThat(describe.code()).as(describe.toString()).isZero();
        assertThat(json(describe).path("name").asText()).isEqualTo(name);
        // moto answers a partial ARN with HTTP 500 everywhere but in an invoke (see docs/functions.md)
        for (String ref : List.of(arn, "123456789012:function:" + name)) {
            Result invoke = cli().aws("function", "invoke", ref, "--payload", "{\"by\": \"arn\"}", "-o", "json");
            assertThat(invoke.code()).as(invoke.toString()).isZero();
            assertThat(json(invoke).path("by").asText()).isEqualTo("arn");
        }
        Result delete = cli().aws("function", "delete", arn, "--yes", "-o", "json");
        assertThat(delete.code()).as(delete.toString()).isZero();
        assertThat(json(delete).path("name").asText()).isEqualTo(name);
        assertThat(delete.err()).contains("Deleted function '" + name + "'.");
        assertThat(functionExists(name)).isFalse();
    }

    @Test
    void aRoleLambdaCannotAssumeAndAnEmptyDirectoryComeWithWhatToDo() throws IOException {
        String name = Engine.uniqueName("fn-norole");
        Result role = deploy(name, code("app.py"), "--runtime", "python3.12", "--handler", "app.handler",
                "--role", "arn:aws:iam::123456789012:role/" + name + "-nowhere");
        assertThat(role.code()).as(role.toString()).isEqualTo(2);
        assertThat(role.err()).isEqualTo("Error: Lambda cannot assume the role arn:aws:iam::123456789012:role/" + name + "-nowhere.\n"
                + "Hint: A role made a moment ago takes a few seconds to be usable on AWS: run the deploy again. Otherwise check that the role "
                + "exists and that its trust policy lets lambda.amazonaws.com assume it (sts:AssumeRole).\n");
        assertThat(functionExists(name)).isFalse();

        Path empty = Files.createDirectories(dir.resolve("empty"));
        Result nothing = deploy(name, empty, "--runtime", "python3.12", "--handler", "app.handler");
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err()).isEqualTo("Error: Cannot deploy --code " + empty + ": the directory holds no files.\n"
                + "Hint: Give the directory that holds the function's code (e.g. app.py for --handler app.handler), or a .zip or .jar.\n");
    }

    @Test
    void whatDeployWritesTheAwsCliReads() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(AwsCli.installed(), "the AWS CLI is not installed");
        String name = Engine.uniqueName("fn-awscli");
        assertThat(deploy(name, code("app.py"), "--runtime", "python3.12", "--handler", "app.handler", "--env", "TABLE=orders",
                "--memory", "512", "--timeout", "30").code()).isZero();

        Result aws = AwsCli.run("lambda", "get-function-configuration", "--function-name", name);
        assertThat(aws.code()).as(aws.toString()).isZero();
        JsonNode config = Json.MAPPER.readTree(aws.out());
        assertThat(config.path("Runtime").asText()).isEqualTo("python3.12");
        assertThat(config.path("Handler").asText()).isEqualTo("app.handler");
        assertThat(config.path("MemorySize").asInt()).isEqualTo(512);
        assertThat(config.path("Timeout").asInt()).isEqualTo(30);
        assertThat(config.path("Environment").path("Variables").path("TABLE").asText()).isEqualTo("orders");
        assertThat(config.path("CodeSha256").asText()).isEqualTo(FunctionPackage.of(dir.resolve("code")).sha256());
    }

    // --- list and describe

    @Test
    void listShowsEveryFunctionWithRuntimeMemoryTimeoutAndLastModified() {
        String name = Engine.uniqueName("fn-list");
        Engine.function(name);
        Result r = cli().aws("function", "list", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode row = null;
        for (JsonNode each : json(r)) {
            if (each.path("name").asText().equals(name)) {
                row = each;
            }
        }
        assertThat(row).as(r.out()).isNotNull();
        assertThat(row.path("runtime").asText()).isEqualTo("python3.12");
        assertThat(row.path("memory").asInt()).isEqualTo(128);
        assertThat(row.path("timeout").asInt()).isEqualTo(3);
        assertThat(row.path("lastModified").asText()).isNotEmpty();

        Result table = cli().aws("function", "list", "-o", "table");
        assertThat(table.out().lines().findFirst().orElse("")).contains("name", "runtime", "memory", "timeout", "lastModified");
        assertThat(table.out()).contains(name);
    }

    @Test
    void describeShowsTheConfigurationWithEnvironmentValuesMaskedUnlessAsked() throws IOException {
        String name = Engine.uniqueName("fn-desc");
        assertThat(deploy(name, code("app.py"), "--runtime", "python3.12", "--handler", "app.handler", "--env", "API_KEY=s3cret-value",
                "--alias", "live").code()).isZero();

        Result r = cli().aws("function", "describe", name, "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).doesNotContain("s3cret-value");
        JsonNode doc = json(r);
        assertThat(doc.path("name").asText()).isEqualTo(name);
        assertThat(doc.path("arn").asText()).endsWith(":function:" + name);
        assertThat(doc.path("runtime").asText()).isEqualTo("python3.12");
        assertThat(doc.path("handler").asText()).isEqualTo("app.handler");
        assertThat(doc.path("role").asText()).endsWith(":role/dynctl-" + name);
        assertThat(doc.path("memory").asInt()).isEqualTo(128);
        assertThat(doc.path("timeout").asInt()).isEqualTo(3);
        assertThat(doc.path("environment").path("API_KEY").asText()).isEqualTo("****");
        assertThat(doc.path("state").asText()).isEqualTo("Active");
        assertThat(doc.path("lastUpdateStatus").asText()).isEqualTo("Successful");
        assertThat(doc.path("codeSize").asInt()).isPositive();
        assertThat(doc.path("codeSha256").asText()).isEqualTo(FunctionPackage.of(dir.resolve("code")).sha256());
        assertThat(strings(doc.path("versions"))).containsExactly("1");
        assertThat(doc.path("aliases").get(0).path("name").asText()).isEqualTo("live");
        assertThat(doc.path("aliases").get(0).path("version").asText()).isEqualTo("1");

        Result shown = cli().aws("function", "describe", name, "--show-env", "-o", "json");
        assertThat(json(shown).path("environment").path("API_KEY").asText()).isEqualTo("s3cret-value");
    }

    // --- invoke

    @Test
    void invokeSendsThePayloadInlineFromAFileOrStdinAndPrintsTheAnswer() throws IOException {
        String name = Engine.uniqueName("fn-invoke");
        Engine.function(name);
        // moto runs no code: the answer is the payload
        Result inline = cli().aws("function", "invoke", name, "--payload", "{\"id\": \"42\", \"n\": 1.50}", "-o", "json");
        assertThat(inline.code()).as(inline.toString()).isZero();
        assertThat(json(inline)).isEqualTo(Json.MAPPER.readTree("{\"id\": \"42\", \"n\": 1.50}"));

        Path event = Files.writeString(dir.resolve("event.json"), "{\"from\": \"file\"}");
        Result file = cli().aws("function", "invoke", name, "--payload", "@" + event, "-o", "yaml");
        assertThat(file.code()).as(file.toString()).isZero();
        assertThat(file.out()).isEqualTo("from: file\n");

        Result stdin = cli().stdin("{\"from\": \"stdin\"}").aws("function", "invoke", name, "--payload", "-", "-o", "json");
        assertThat(json(stdin).path("from").asText()).isEqualTo("stdin");
    }

    @Test
    void anAnswerThatIsNotJsonIsAJsonStringForScriptsAndTextForAPersonAndLogsSayWhenNoTailCameBack() throws IOException {
        String name = Engine.uniqueName("fn-text");
        Engine.function(name);
        // without a payload moto answers with a sentence of its own
        Result json = cli().aws("function", "invoke", name, "--logs", "-o", "json");
        assertThat(json.code()).as(json.toString()).isZero();
        assertThat(json.out()).isEqualTo("\"Simple Lambda happy path OK\"\n");
        assertThat(json(json).asText()).isEqualTo("Simple Lambda happy path OK");
        assertThat(json.err()).isEqualTo("(no log tail came back with the answer)" + System.lineSeparator());

        Result piped = cli().aws("function", "invoke", name);
        assertThat(piped.code()).as(piped.toString()).isZero();
        assertThat(json(piped).asText()).isEqualTo("Simple Lambda happy path OK");

        Result yaml = cli().aws("function", "invoke", name, "-o", "yaml");
        assertThat(Json.YAML.readTree(yaml.out()).asText()).isEqualTo("Simple Lambda happy path OK");

        Result query = cli().aws("function", "invoke", name, "-o", "json", "--query", "length(@)");
        assertThat(query.code()).as(query.toString()).isZero();
        assertThat(query.out()).isEqualTo("27\n");

        for (String format : List.of("table", "text")) {
            Result person = cli().interactive(true).aws("function", "invoke", name, "-o", format);
            assertThat(person.code()).as(person.toString()).isZero();
            assertThat(person.out()).isEqualTo("Simple Lambda happy path OK\n");
        }
    }

    @Test
    void aBadPayloadIsUsageNamingLineAndColumn() throws IOException {
        String name = Engine.uniqueName("fn-badjson");
        Engine.function(name);
        Result inline = cli().aws("function", "invoke", name, "--payload", "{\"id\": }");
        assertThat(inline.code()).as(inline.toString()).isEqualTo(2);
        assertThat(inline.err()).contains("Malformed JSON in --payload at line 1, column 8");

        Path event = Files.writeString(dir.resolve("bad.json"), "{\n  \"a\": 1,\n}");
        Result file = cli().aws("function", "invoke", name, "--payload", "@" + event);
        assertThat(file.code()).isEqualTo(2);
        assertThat(file.err()).contains("Malformed JSON in @" + event + " at line 3");

        Result empty = cli().stdin("").aws("function", "invoke", name, "--payload", "-");
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("The payload in stdin is empty.");
    }

    @Test
    void aBadPayloadIsOneCleanSentenceWithoutJacksonsInternals() {
        String name = Engine.uniqueName("fn-badjson2");
        Engine.function(name);
        Map<String, String> said = Map.of(
                "{\"a\": 1} {\"b\": 2}", "Malformed JSON in --payload at line 1, column 10: more text follows the JSON value.",
                "{\"a\": 1} x", "Malformed JSON in --payload at line 1, column 10: more text follows the JSON value.",
                "{\"a\": 1", "Malformed JSON in --payload at line 1, column 8: the text ends before the JSON value does (a '}', ']' or '\"' is missing).",
                "{\"a\": 1, \"a\": 2}", "Malformed JSON in --payload at line 1, column 13: duplicate field 'a'.");
        said.forEach((payload, message) -> {
            Result r = cli().aws("function", "invoke", name, "--payload", payload);
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("Error: " + message + "\nHint: The payload is one JSON value, e.g. --payload '{\"id\": \"42\"}', "
                    + "@event.json or - for stdin.\n");
            assertThat(r.err()).doesNotContain("jackson", "Jackson", "Source:", "FAIL_ON", "byte[]", "bound as");
        });
    }

    @Test
    void aQualifierInvokesThatAlias() throws IOException {
        String name = Engine.uniqueName("fn-qual");
        assertThat(deploy(name, code("app.py"), "--runtime", "python3.12", "--handler", "app.handler", "--alias", "live").code()).isZero();
        Result r = cli().aws("function", "invoke", name, "--qualifier", "live", "--payload", "{\"via\": \"alias\"}", "-o", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(json(r).path("via").asText()).isEqualTo("alias");
    }

    @Test
    void anEmptyJsonAnswerIsPrintedAsItIsOnATerminalAndNoBodyIsSaidOnStderr() throws IOException {
        String name = Engine.uniqueName("fn-empty");
        Engine.function(name);
        for (String format : List.of("table", "text")) {
            Result person = cli().interactive(true).aws("function", "invoke", name, "--payload", "{}", "-o", format);
            assertThat(person.code()).as(person.toString()).isZero();
            assertThat(person.out()).isEqualTo("{}\n");
        }
        Result script = cli().aws("function", "invoke", name, "--payload", "{}", "-o", "json");
        assertThat(script.out().strip()).isEqualTo("{}");

        HttpServer stub = lambdaStub(path -> new StubAnswer(200, Map.of("X-Amz-Executed-Version", "$LATEST"), ""));
        try {
            Result none = cli().interactive(true).run("function", "invoke", "quiet", "--payload", "{}",
                    "--endpoint-url", "http://127.0.0.1:" + stub.getAddress().getPort(), "--region", "us-east-1");
            assertThat(none.code()).as(none.toString()).isZero();
            assertThat(none.out()).isEmpty();
            assertThat(none.err()).isEqualTo("(no answer body)" + System.lineSeparator());
        } finally {
            stub.stop(0);
        }
    }

    /** moto fails a payload that is not a JSON object (AWS passes any JSON value); docs/functions.md quotes what dynctl says then. */
    @Test
    void aPayloadThatIsNotAnObjectFailsOnMotoAsTheDocsSay() throws IOException {
        String name = Engine.uniqueName("fn-array");
        Engine.function(name);
        Result r = cli().aws("function", "invoke", name, "--payload", "[1,2]");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        String said = "answered Invoke with HTTP 500 and no error code: the engine may not implement this request.";
        assertThat(r.err()).contains("Error: Lambda at endpoint ", said);
        assertThat(Files.readString(Path.of("docs/functions.md")).replaceAll("\\s+", " ")).contains(said);
    }


    /** moto never reports a function error or a log tail: a stub Lambda endpoint answers as AWS does. */
    @Test
    void aFunctionErrorPrintsTheErrorPayloadExitsWithOneAndLogsGoToStderr() throws IOException {
        String log = "START RequestId: 1\nTraceback: boom\nEND RequestId: 1\n";
        HttpServer stub = lambdaStub(path -> new StubAnswer(200, Map.of("X-Amz-Function-Error", "Unhandled",
                "X-Amz-Log-Result", Base64.getEncoder().encodeToString(log.getBytes(StandardCharsets.UTF_8)),
                "X-Amz-Executed-Version", "$LATEST"),
                "{\"errorMessage\": \"boom\", \"errorType\": \"ValueError\"}"));
        try {
            Result r = cli().run("function", "invoke", "broken", "--logs", "--payload", "{}", "-o", "json",
                    "--endpoint-url", "http://127.0.0.1:" + stub.getAddress().getPort(), "--region", "us-east-1");
            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(json(r).path("errorMessage").asText()).isEqualTo("boom");
            assertThat(r.err()).startsWith(log).contains("Function 'broken' failed (Unhandled); its error is printed above.");
        } finally {
            stub.stop(0);
        }
    }

    /** moto is Active at once: a stub whose update never finishes shows the bounded wait. */
    @Test
    void anUpdateThatNeverFinishesTimesOutWithFive() throws IOException {
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer stub = lambdaStub(request -> {
            requests.add(request);
            boolean updating = requests.stream().anyMatch(r -> r.equals("PUT " + FUNCTIONS + "slow/code"));
            return new StubAnswer(200, Map.of(), configuration("slow", "other", "Active", updating ? "InProgress" : "Successful"));
        });
        try {
            Result r = cli().run("function", "deploy", "slow", "--code", code("app.py").toString(), "--wait-timeout", "1s",
                    "--endpoint-url", "http://127.0.0.1:" + stub.getAddress().getPort(), "--region", "us-east-1");
            assertThat(r.code()).as(r.toString()).isEqualTo(5);
            assertThat(r.err()).contains("Timed out after 1s waiting for function 'slow' to be ready (state Active, last update InProgress).");
            assertThat(requests).doesNotContain("POST " + FUNCTIONS + "slow/versions");
        } finally {
            stub.stop(0);
        }
    }

    /**
     * Lambda marks a function idle for long Inactive and keeps it so until its next invoke; moto never
     * does. A deploy that only moves an alias, or updates code, must not wait for an Active that never comes.
     */
    @Test
    void anInactiveFunctionGetsItsVersionAndAliasWithoutWaitingForActive() throws IOException {
        Path code = code("app.py");
        String sha = FunctionPackage.of(code).sha256();
        for (boolean newCode : List.of(false, true)) {
            List<String> requests = new CopyOnWriteArrayList<>();
            String prefix = FUNCTIONS + "idle/";
            HttpServer stub = lambdaStub(request -> {
                requests.add(request);
                long updates = requests.stream().filter(r -> r.equals("PUT " + prefix + "code")).count();
                long readsSinceUpdate = updates == 0 ? 0 : requests.size() - 1 - requests.indexOf("PUT " + prefix + "code");
                String status = updates > 0 && readsSinceUpdate <= 1 ? "InProgress" : "Successful";
                String codeSha = newCode && updates == 0 ? "old" : sha;
                if (request.equals("GET " + prefix + "configuration")) {
                    return new StubAnswer(200, Map.of(), configuration("idle", codeSha, "Inactive", status));
                }
                if (request.equals("PUT " + prefix + "code")) {
                    return new StubAnswer(200, Map.of(), configuration("idle", sha, "Inactive", "InProgress"));
                }
                if (request.equals("GET " + prefix + "versions")) {
                    return new StubAnswer(200, Map.of(), "{\"Versions\": [{\"Version\": \"$LATEST\"}, {\"Version\": \"1\"}]}");
                }
                if (request.equals("POST " + prefix + "versions")) {
                    return new StubAnswer(201, Map.of(), "{\"FunctionName\": \"idle\", \"Version\": \"2\", \"CodeSha256\": \"" + sha + "\"}");
                }
                if (request.equals("GET " + prefix + "aliases/live")) {
                    return new StubAnswer(404, Map.of("x-amzn-ErrorType", "ResourceNotFoundException"), "{\"Type\": \"User\", \"Message\": \"Alias not found\"}");
                }
                if (request.equals("POST " + prefix + "aliases")) {
                    return new StubAnswer(201, Map.of(), "{\"Name\": \"live\", \"FunctionVersion\": \"2\"}");
                }
                return new StubAnswer(400, Map.of("x-amzn-ErrorType", "InvalidParameterValueException"),
                        "{\"Type\": \"User\", \"Message\": \"unexpected " + request + "\"}");
            });
            try {
                Result r = cli().run("function", "deploy", "idle", "--code", code.toString(), "--alias", "live", "--wait-timeout", "20s", "-o", "json",
                        "--endpoint-url", "http://127.0.0.1:" + stub.getAddress().getPort(), "--region", "us-east-1");
                assertThat(r.code()).as(newCode + ": " + r).isZero();
                assertThat(json(r).path("version").asText()).isEqualTo("2");
                assertThat(strings(json(r).path("changed"))).containsExactlyElementsOf(newCode ? List.of("code", "version", "alias") : List.of("version", "alias"));
                assertThat(requests).contains("POST " + prefix + "versions", "POST " + prefix + "aliases");
                if (newCode) {
                    // the version waits for the code update to finish, though the function stays Inactive
                    assertThat(requests.indexOf("POST " + prefix + "versions")).isGreaterThan(requests.lastIndexOf("GET " + prefix + "configuration"));
                    assertThat(requests.stream().filter(q -> q.equals("GET " + prefix + "configuration")).count()).isGreaterThanOrEqualTo(3);
                }
            } finally {
                stub.stop(0);
            }
        }
    }

    // --- not found and delete

    @Test
    void anUnknownFunctionIsNotFoundWithTheNearNames() {
        String name = Engine.uniqueName("fn-near");
        Engine.function(name);
        String typo = name + "x";
        for (List<String> command : List.of(List.of("describe", typo), List.of("delete", typo, "--yes"))) {
            List<String> args = new ArrayList<>(List.of("function"));
            args.addAll(command);
            Result r = cli().aws(args.toArray(String[]::new));
            assertThat(r.code()).as(r.toString()).isEqualTo(3);
            assertThat(r.err()).contains("Function '" + typo + "' not found in endpoint", "Did you mean '" + name + "'?");
        }
    }

    /** moto invokes a function that does not exist (it echoes the payload): a stub answers as AWS does. */
    @Test
    void invokingAnUnknownFunctionIsNotFoundWithTheNearNames() throws IOException {
        HttpServer stub = lambdaStub(path -> path.endsWith("/invocations")
                ? new StubAnswer(404, Map.of("x-amzn-ErrorType", "ResourceNotFoundException"),
                        "{\"Type\": \"User\", \"Message\": \"Function not found: arn:aws:lambda:us-east-1:1:function:get-itme\"}")
                : new StubAnswer(200, Map.of(), "{\"Functions\": [{\"FunctionName\": \"get-item\"}, {\"FunctionName\": \"report\"}]}"));
        try {
            Result r = cli().run("function", "invoke", "get-itme", "--payload", "{}",
                    "--endpoint-url", "http://127.0.0.1:" + stub.getAddress().getPort(), "--region", "us-east-1");
            assertThat(r.code()).as(r.toString()).isEqualTo(3);
            assertThat(r.err()).contains("Function 'get-itme' not found in endpoint", "Did you mean 'get-item'?");
            assertThat(r.out()).isEmpty();
        } finally {
            stub.stop(0);
        }
    }

    /** A caller who may read a function but not list them still learns it is missing: exit 3, no suggestions (not exit 6). */
    @Test
    void anUnknownFunctionIsNotFoundEvenWhenListingFunctionsIsDenied() throws IOException {
        HttpServer stub = lambdaStub(request -> request.startsWith("GET " + FUNCTIONS + "get-itme")
                ? new StubAnswer(404, Map.of("x-amzn-ErrorType", "ResourceNotFoundException"),
                        "{\"Type\": \"User\", \"Message\": \"Function not found: arn:aws:lambda:us-east-1:1:function:get-itme\"}")
                : new StubAnswer(403, Map.of("x-amzn-ErrorType", "AccessDeniedException"),
                        "{\"Message\": \"User is not authorized to perform: lambda:ListFunctions\"}"));
        try {
            Result r = cli().run("function", "describe", "get-itme",
                    "--endpoint-url", "http://127.0.0.1:" + stub.getAddress().getPort(), "--region", "us-east-1");
            assertThat(r.code()).as(r.toString()).isEqualTo(3);
            assertThat(r.err()).contains("Function 'get-itme' not found in endpoint", "List the functions with 'dynctl function list'")
                    .doesNotContain("Did you mean", "ListFunctions");
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void deleteAsksForTheNameAndYesSkipsTheQuestion() {
        String typed = Engine.uniqueName("fn-del");
        Engine.function(typed);
        Result wrong = cli().stdin("nope\n").aws("function", "delete", typed);
        assertThat(wrong.code()).as(wrong.toString()).isEqualTo(2);
        assertThat(wrong.err()).contains("Delete function '" + typed + "'", "Type '" + typed + "' to confirm", "Nothing was changed.");
        assertThat(functionExists(typed)).isTrue();

        Result noInput = cli().aws("function", "delete", typed, "--no-input");
        assertThat(noInput.code()).isEqualTo(2);
        assertThat(functionExists(typed)).isTrue();

        Result confirmed = cli().stdin(typed + "\n").aws("function", "delete", typed, "-o", "json");
        assertThat(confirmed.code()).as(confirmed.toString()).isZero();
        assertThat(confirmed.err()).contains("Deleted function '" + typed + "'.");
        // the shape of table, API and stage deletes
        JsonNode deleted = json(confirmed);
        assertThat(deleted.path("name").asText()).isEqualTo(typed);
        assertThat(deleted.path("arn").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:" + typed);
        assertThat(deleted.path("status").asText()).isEqualTo("DELETED");
        assertThat(deleted.has("deleted")).isFalse();
        assertThat(functionExists(typed)).isFalse();

        String yes = Engine.uniqueName("fn-yes");
        Engine.function(yes);
        Result r = cli().aws("function", "delete", yes, "--yes");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).doesNotContain("confirm");
        assertThat(functionExists(yes)).isFalse();
    }

    // --- helpers

    private Result deploy(String name, Path code, String... options) {
        List<String> args = new ArrayList<>(List.of("function", "deploy", name, "--code", code.toString(), "-o", "json"));
        args.addAll(List.of(options));
        return cli().aws(args.toArray(String[]::new));
    }

    private Path code(String... files) throws IOException {
        Path code = dir.resolve("code");
        for (String file : files) {
            Path path = code.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "def handler(event, context):\n    return event\n");
        }
        return code;
    }

    private static String userRole(String function) {
        return Engine.iam().createRole(b -> b.roleName(function + "-mine").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                        + "\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
    }

    private static JsonNode json(Result r) {
        try {
            return Json.MAPPER.readTree(r.out());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r, e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> publishedVersions(String name) {
        return Engine.lambda().listVersionsByFunction(b -> b.functionName(name)).versions().stream()
                .map(FunctionConfiguration::version).filter(v -> !v.equals("$LATEST")).toList();
    }

    private static boolean functionExists(String name) {
        try {
            Engine.lambda().getFunctionConfiguration(b -> b.functionName(name));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private static boolean roleExists(String name) {
        try {
            Engine.iam().getRole(b -> b.roleName(name));
            return true;
        } catch (NoSuchEntityException e) {
            return false;
        }
    }

    private record StubAnswer(int status, Map<String, String> headers, String body) {
    }

    private static final String FUNCTIONS = "/2015-03-31/functions/";

    /** A GetFunctionConfiguration answer as Lambda sends it. */
    private static String configuration(String name, String codeSha256, String state, String lastUpdateStatus) {
        return "{\"FunctionName\": \"" + name + "\", \"FunctionArn\": \"arn:aws:lambda:us-east-1:123456789012:function:" + name + "\","
                + " \"CodeSha256\": \"" + codeSha256 + "\", \"State\": \"" + state + "\", \"LastUpdateStatus\": \"" + lastUpdateStatus + "\"}";
    }

    /** A Lambda endpoint on a free loopback port answering every request by its method and path ("GET /2015-03-31/…"), as a test says. */
    private static HttpServer lambdaStub(Function<String, StubAnswer> answers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            StubAnswer answer = answers.apply(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
