package dev.dynctl.model;

import static dev.dynctl.model.ProjectFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.api.ApiType;
import dev.dynctl.api.EndpointType;
import dev.dynctl.api.RouteAuth;
import dev.dynctl.api.RouteKey;
import dev.dynctl.dynamo.TableBilling;
import dev.dynctl.dynamo.TableDefinition;
import dev.dynctl.dynamo.TableIndexSpec;
import dev.dynctl.dynamo.TableKeyAttribute;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** dynctl.yaml resolved for one stage: real names, references, overrides, and what stops a deploy. */
class StageResolutionTest extends ProjectFileCase {
    private static final StageTarget TARGET = new StageTarget("aws", "eu-west-1", "123456789012", Map.of("NOTES_API_KEY", "k-123"));
    private static final String POOL = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123";

    private static final String NOTES = """
            service: notes

            tables:
              items:
                keys: {partition: id:S, sort: created:N}
                indexes:
                  byOwner: {partition: owner:S, sort: created:N, projection: all}
                  recent: {local: true, sort: updated:N, projection: keys}
                  byTag: {partition: tag:S, projection: [title, owner]}
                ttl: expiresAt
                stream: new-and-old-images
                schema: {attributes: {id: string}}
              audit:
                name: notes-${stage}-audit-log
                keys: {partition: at:N}

            functions:
              items:
                runtime: python3.12
                handler: app.handler
                code: functions/items
                build: make -C ${stage}
                memory: 256
                timeout: 10
                description: Items CRUD for ${service}
                environment:
                  TABLE: ${tables.items.name}
                  AUDIT_ARN: ${tables.audit.arn}
                  STAGE: ${stage}
                  API_KEY: ${env:NOTES_API_KEY}
                  PORT: 8080
                tables:
                  items: read-write
                  audit: write
              audit:
                runtime: java21
                handler: notes.Audit::handle
                code: build/audit.jar
                environment:
                  NEXT: ${functions.items.arn}
                  NEXT_NAME: ${functions.items.name}
                tables: {audit: read}

            apis:
              http:
                type: http
                cors: true
                routes:
                  GET /items: items
                  GET /items/{id}: items
                  POST /items: {function: items, auth: iam}
                  DELETE /items/{id}:
                    function: items
                    auth: cognito
                    user_pool: %s
                    client_ids: [abc123]
              admin:
                type: rest
                cors: {origins: ['https://${stage}.example.com'], methods: [get, post], max_age: 600, credentials: true}
                routes:
                  ANY /audit/{proxy+}: audit
              live:
                type: websocket
                routes:
                  $connect: {function: audit, auth: iam}
                  sendMessage: items

            stages:
              prod:
                functions:
                  items: {memory: 1024, timeout: 30, environment: {LOG_LEVEL: warn, STAGE: production}}
            """.formatted(POOL);

    /** The code the examples name, so that only the test about missing code misses it. */
    @BeforeEach
    void theFunctionsCodeIsThere() throws IOException {
        for (String code : List.of("functions/items", "f", "c")) {
            Files.createDirectories(dir.resolve(code));
        }
        Files.createDirectories(dir.resolve("build"));
        Files.write(dir.resolve("build/audit.jar"), new byte[0]);
    }

    @Test
    void anEnvironmentValueInABuildIsLeftToTheShellNeverPastedIntoTheCommand() {
        StageTarget target = new StageTarget("aws", "eu-west-1", "123456789012", Map.of("BRANCH", "x; echo INJECTED", "odd.name", "a'b"));
        ProjectFile built = project("service: s\nfunctions:\n  f: {runtime: java17, handler: a.B, code: target/f.jar, "
                + "build: 'make STAGE=${stage} BRANCH=\"${env:BRANCH}\" N=${env:odd.name}'}\n");
        StageFunction function = built.forStage("dev", target).function("f").orElseThrow();
        assertThat(function.build()).isEqualTo("make STAGE=dev BRANCH=\"${BRANCH}\" N='a'\\''b'");
        assertThat(function.buildAsWritten()).isEqualTo("make STAGE=${stage} BRANCH=\"${env:BRANCH}\" N=${env:odd.name}");
    }

    @Test
    void codeThatIsNotThereIsSaidAtItsLineUnlessABuildMakesIt() throws IOException {
        resolving("service: s\nfunctions:\n  f: {runtime: python3.12, handler: a.b, code: src/missing}\n", "dev")
                .hasMessage(at(3, 48) + "code 'src/missing' does not exist: no " + dir.resolve("src/missing") + ".");
        ProjectFile built = project("service: s\nfunctions:\n  f: {runtime: java17, handler: a.B, code: target/f.jar, build: mvn package}\n");
        assertThat(built.forStage("dev", TARGET).function("f").orElseThrow().code()).isEqualTo(dir.resolve("target/f.jar"));
    }

    private ProjectFile project(String yaml) {
        return ProjectFile.load(write(dir, yaml));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> resolving(String yaml, String stage) {
        ProjectFile project = project(yaml);
        return assertThatThrownBy(() -> project.forStage(stage, TARGET))
                .isInstanceOf(DynctlException.class)
                .satisfies(e -> assertThat(((DynctlException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @Test
    void aWholeServiceResolvesToItsStage() {
        ServiceStage dev = project(NOTES).forStage("dev", TARGET);

        assertThat(dev.service()).isEqualTo("notes");
        assertThat(dev.stage()).isEqualTo("dev");
        assertThat(dev.projectDirectory()).isEqualTo(dir.toAbsolutePath().normalize());

        Projection all = Projection.builder().projectionType(ProjectionType.ALL).build();
        Projection keys = Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build();
        Projection include = Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("title", "owner").build();
        TableKeyAttribute created = new TableKeyAttribute("created", ScalarAttributeType.N);
        assertThat(dev.tables()).containsExactly(
                new StageTable("items", new TableDefinition("notes-dev-items", new TableKeyAttribute("id", ScalarAttributeType.S), created,
                        List.of(new TableIndexSpec("byOwner", new TableKeyAttribute("owner", ScalarAttributeType.S), created, all, null, null),
                                new TableIndexSpec("byTag", new TableKeyAttribute("tag", ScalarAttributeType.S), null, include, null, null)),
                        List.of(new TableIndexSpec("recent", null, new TableKeyAttribute("updated", ScalarAttributeType.N), keys, null, null)),
                        TableBilling.ON_DEMAND, StreamViewType.NEW_AND_OLD_IMAGES, Map.of(), false, "expiresAt", false)),
                new StageTable("audit", new TableDefinition("notes-dev-audit-log", new TableKeyAttribute("at", ScalarAttributeType.N), null,
                        List.of(), List.of(), TableBilling.ON_DEMAND, null, Map.of(), false, null, false)));

        assertThat(dev.functions()).containsExactly(
                new StageFunction("items", "notes-dev-items", "python3.12", "app.handler", dir.toAbsolutePath().normalize().resolve("functions/items"),
                        "make -C dev", "make -C ${stage}", 256, 10,
                        Map.of("TABLE", "notes-dev-items", "AUDIT_ARN", "arn:aws:dynamodb:eu-west-1:123456789012:table/notes-dev-audit-log",
                                "STAGE", "dev", "API_KEY", "k-123", "PORT", "8080"),
                        "Items CRUD for notes", Map.of("notes-dev-items", TableAccess.READ_WRITE, "notes-dev-audit-log", TableAccess.WRITE)),
                new StageFunction("audit", "notes-dev-audit", "java21", "notes.Audit::handle", dir.toAbsolutePath().normalize().resolve("build/audit.jar"),
                        null, StageFunction.DEFAULT_MEMORY_MB, StageFunction.DEFAULT_TIMEOUT_SECONDS,
                        Map.of("NEXT", "arn:aws:lambda:eu-west-1:123456789012:function:notes-dev-items:dev", "NEXT_NAME", "notes-dev-items"),
                        "", Map.of("notes-dev-audit-log", TableAccess.READ)));
        assertThat(dev.function("items").orElseThrow().environment().keySet()).as("in the file's order")
                .containsExactly("TABLE", "AUDIT_ARN", "STAGE", "API_KEY", "PORT");

        RouteAuth cognito = RouteAuth.of(RouteAuth.Kind.COGNITO, POOL, List.of("abc123"));
        RouteAuth iam = RouteAuth.of(RouteAuth.Kind.IAM, null, List.of());
        assertThat(dev.apis()).containsExactly(
                new StageApi("http", "notes-dev-http", ApiType.HTTP, null, null,
                        new ApiCors(List.of("*"), List.of("DELETE", "GET", "OPTIONS", "POST"),
                                List.of("Content-Type", "Authorization", "X-Amz-Date", "X-Api-Key", "X-Amz-Security-Token"), null, false),
                        List.of(new StageRoute(RouteKey.parse("GET /items"), "items", RouteAuth.NONE),
                                new StageRoute(RouteKey.parse("GET /items/{id}"), "items", RouteAuth.NONE),
                                new StageRoute(RouteKey.parse("POST /items"), "items", iam),
                                new StageRoute(RouteKey.parse("DELETE /items/{id}"), "items", cognito))),
                new StageApi("admin", "notes-dev-admin", ApiType.REST, EndpointType.REGIONAL, null,
                        new ApiCors(List.of("https://dev.example.com"), List.of("GET", "POST"),
                                List.of("Content-Type", "Authorization", "X-Amz-Date", "X-Api-Key", "X-Amz-Security-Token"), 600, true),
                        List.of(new StageRoute(RouteKey.parse("ANY /audit/{proxy+}"), "audit", RouteAuth.NONE))),
                new StageApi("live", "notes-dev-live", ApiType.WEBSOCKET, null, "$request.body.action", null,
                        List.of(new StageRoute(RouteKey.parse("$connect"), "audit", iam),
                                new StageRoute(RouteKey.parse("sendMessage"), "items", RouteAuth.NONE))));
    }

    @Test
    void aStagesOverridesChangeOnlyThatStage() {
        ProjectFile project = project(NOTES);

        StageFunction prod = project.forStage("prod", TARGET).function("items").orElseThrow();
        StageFunction dev = project.forStage("dev", TARGET).function("items").orElseThrow();

        assertThat(prod.memoryMb()).isEqualTo(1024);
        assertThat(prod.timeoutSeconds()).isEqualTo(30);
        assertThat(prod.description()).as("not overridden").isEqualTo("Items CRUD for notes");
        assertThat(prod.environment()).as("merged: the stage's values win, new ones come last").containsExactly(
                Map.entry("TABLE", "notes-prod-items"),
                Map.entry("AUDIT_ARN", "arn:aws:dynamodb:eu-west-1:123456789012:table/notes-prod-audit-log"),
                Map.entry("STAGE", "production"), Map.entry("API_KEY", "k-123"), Map.entry("PORT", "8080"),
                Map.entry("LOG_LEVEL", "warn"));
        assertThat(dev.memoryMb()).isEqualTo(256);
        assertThat(dev.environment()).doesNotContainKey("LOG_LEVEL");
        assertThat(project.forStage("pr-123", TARGET).function("items").orElseThrow().name())
                .as("a stage the file does not list").isEqualTo("notes-pr-123-items");
    }

    @Test
    void anOverrideOfADescriptionIsResolvedInItsStage() {
        ServiceStage prod = project("""
                service: notes
                functions:
                  f: {runtime: python3.12, handler: a.b, code: f}
                stages:
                  prod:
                    functions:
                      f: {description: '${stage} of ${service}'}
                """).forStage("prod", TARGET);
        assertThat(prod.function("f").orElseThrow().description()).isEqualTo("prod of notes");
    }

    @Test
    void longNamesOfFunctionsEndInAHash() {
        String key = "a".repeat(60);
        ServiceStage stage = project("service: notes\nfunctions:\n  " + key + ": {runtime: python3.12, handler: a.b, code: f}\n")
                .forStage("dev", TARGET);
        assertThat(stage.function(key).orElseThrow().name()).hasSize(64).startsWith("notes-dev-aaaa")
                .isEqualTo(new StageNames("notes", "dev").function(key));
    }

    @Test
    void anUnknownReferenceIsPointedAtWithTheNearNames() {
        resolving(NOTES.replace("TABLE: ${tables.items.name}", "TABLE: ${tables.itms.name}"), "dev")
                .hasMessage(at(27, 14) + "unknown reference ${tables.itms.name}; references are ${service}, ${stage}, "
                        + "${tables.KEY.name}, ${tables.KEY.arn}, ${functions.KEY.name}, ${functions.KEY.arn} and ${env:NAME}.")
                .satisfies(e -> assertThat(hint(e)).startsWith("Did you mean '${tables.items.name}'"));
        resolving(NOTES.replace("description: Items CRUD for ${service}", "description: Items CRUD for ${servce}"), "dev")
                .hasMessageStartingWith(at(25, 18) + "unknown reference ${servce};")
                .satisfies(e -> assertThat(hint(e)).isEqualTo("Did you mean '${service}'?"));
        resolving("service: s\nfunctions:\n  f: {runtime: python3.12, handler: '${oops', code: f}\n", "dev")
                .hasMessage(at(3, 37) + "'${' without a closing '}' in '${oops'.");
    }

    @Test
    void anUnsetEnvironmentVariableIsAnError() {
        ProjectFile project = project(NOTES);
        assertThatThrownBy(() -> project.forStage("dev", new StageTarget("aws", "eu-west-1", "123456789012", Map.of())))
                .isInstanceOf(DynctlException.class)
                .hasMessage(at(30, 16) + "${env:NOTES_API_KEY} is not set in the environment of this deploy.")
                .satisfies(e -> assertThat(hint(e)).startsWith("Set NOTES_API_KEY before deploying"));
    }

    @Test
    void aTableNameMustHoldTheStage() {
        resolving("service: shop\ntables:\n  users:\n    name: shop-users\n    keys: {partition: id:S}\n", "dev")
                .hasMessage(at(4, 11) + "name 'shop-users' (table 'users') has no ${stage}, so every stage would share the table.")
                .satisfies(e -> assertThat(hint(e)).isEqualTo("Put the stage in it, e.g. name: shop-${stage}-users."));
    }

    @Test
    void aTableNameUsesOnlyTheServiceTheStageAndTheEnvironment() {
        assertThatThrownBy(() -> project("service: s\ntables:\n  users:\n    name: ${tables.x.name}-${stage}\n"))
                .isInstanceOf(DynctlException.class)
                .hasMessage(at(4, 11) + "a table's name can use ${service}, ${stage} and ${env:NAME}, not ${tables.x.name}.");
        ServiceStage stage = project("service: s\ntables:\n  users:\n    name: ${env:PREFIX}-${service}-${stage}\n    keys: {partition: id:S}\n")
                .forStage("qa", new StageTarget("aws", "us-east-1", "123456789012", Map.of("PREFIX", "team")));
        assertThat(stage.table("users").orElseThrow().name()).isEqualTo("team-s-qa");
    }

    @Test
    void everyDeployedTableNeedsKeys() {
        resolving("service: s\ntables:\n  users:\n    schema: {attributes: {id: string}}\n", "dev")
                .hasMessage(at(3, 3) + "table 'users' needs keys: to be deployed.");
    }

    @Test
    void aStageNameIsLowerCaseLettersDigitsAndDashes() {
        for (String bad : List.of("Dev", "1st", "dev_1", "", "-dev", "a".repeat(33))) {
            resolving(NOTES, bad).hasMessageStartingWith("'" + bad + "' is not a stage name: ");
        }
        resolving(NOTES, "Dev").hasMessage("'Dev' is not a stage name: use lower-case letters, digits and '-', starting with a letter.");
        resolving(NOTES, "a".repeat(33)).hasMessageEndingWith("at most 32 characters, so that the names made from it fit.");
        assertThat(project(NOTES).forStage("a".repeat(32), TARGET).stage()).hasSize(32);
        assertThatThrownBy(() -> project(NOTES.replace("  prod:\n", "  Prod:\n")))
                .isInstanceOf(DynctlException.class)
                .hasMessage(at(69, 3) + "'Prod' is not a stage name: use lower-case letters, digits and '-', starting with a letter.");
    }

    @Test
    void aDeployNeedsAServiceNamedAsNamesAllow() {
        resolving("tables:\n  users:\n    keys: {partition: id:S}\n", "dev")
                .hasMessage(at(1, 1) + "the project file needs service: NAME to be deployed: lower-case letters, digits and '-', "
                        + "starting with a letter.");
        resolving("service: My Shop\n", "dev")
                .hasMessage(at(1, 10) + "service 'My Shop' must be lower-case letters, digits and '-', starting with a letter.");
        assertThat(project("service: My Shop\ntables:\n  users: {}\n").table("users")).as("schema commands do not mind").isPresent();
        assertThatThrownBy(() -> ProjectFile.empty().forStage("dev", TARGET))
                .isInstanceOf(DynctlException.class)
                .hasMessage("No dynctl.yaml in the current directory: nothing to deploy.")
                .satisfies(e -> assertThat(hint(e)).isEqualTo(
                        "Run the command where dynctl.yaml is, pass --project FILE, or start a project with dynctl init."));
    }

    @Test
    void destroyWantsNothingAndNeedsNoEnvironment() {
        ServiceStage nothing = project(NOTES).nothingInStage("dev");

        assertThat(nothing).isEqualTo(ServiceStage.nothing("notes", "dev", dir.toAbsolutePath().normalize()));
        ProjectFile project = project(NOTES);
        assertThatThrownBy(() -> project.nothingInStage("Dev")).hasMessageStartingWith("'Dev' is not a stage name");
        assertThatThrownBy(() -> project("tables: {}\n").nothingInStage("dev"))
                .hasMessageStartingWith(at(1, 1) + "the project file needs service: NAME to be deployed");
    }

    @Test
    void aCognitoRouteNeedsAPoolArnOnceResolved() {
        resolving("""
                service: s
                functions:
                  f: {runtime: python3.12, handler: app.h, code: c}
                apis:
                  a:
                    type: http
                    routes:
                      GET /x: {function: f, auth: cognito, user_pool: 'arn:${stage}', client_ids: [c]}
                """, "dev").hasMessage(at(8, 55) + "'arn:dev' is not a Cognito user pool ARN.");
    }

    @Test
    void credentialsNeedNamedOrigins() {
        resolving("""
                service: s
                functions:
                  f: {runtime: python3.12, handler: app.h, code: c}
                apis:
                  a:
                    type: http
                    cors: {credentials: true}
                    routes: {GET /x: f}
                """, "dev").hasMessageStartingWith(at(7, 25) + "credentials: true needs the origins named");
    }

    @Test
    void theExampleOfTheDeployPageResolves() throws Exception {
        String page = Files.readString(Path.of("docs", "deploy.md"));
        int start = page.indexOf("```yaml\nservice: notes");
        String example = page.substring(page.indexOf('\n', start) + 1, page.indexOf("```", start + 3))
                .replace("schema: {...}", "schema: {attributes: {id: string}}");

        ServiceStage prod = project(example).forStage("prod", TARGET);

        assertThat(prod.table("items").orElseThrow().name()).isEqualTo("notes-prod-items");
        assertThat(prod.function("items").orElseThrow().memoryMb()).isEqualTo(1024);
        assertThat(prod.function("items").orElseThrow().environment()).containsEntry("API_KEY", "k-123").containsEntry("LOG_LEVEL", "warn");
        assertThat(prod.apis().get(0).routes()).hasSize(4);
    }
}
