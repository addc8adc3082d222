package dev.dynctl.dev.host;

import static dev.dynctl.dev.host.HostFixtures.alive;
import static dev.dynctl.dev.host.HostFixtures.await;
import static dev.dynctl.dev.host.HostFixtures.event;
import static dev.dynctl.dev.host.HostFixtures.fixture;
import static dev.dynctl.dev.host.HostFixtures.function;
import static dev.dynctl.dev.host.HostFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.dev.LocalFunction;
import dev.dynctl.dev.LocalInvocation;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node.js functions on the local host: one host for the class, a function of its own per test. */
class FunctionHostNodeTest {
    private static final int CONCURRENCY = 2;
    private static final RecordingLog LOG = new RecordingLog();
    private static FunctionHost host;

    @TempDir
    static Path temporary;

    private static Path reloadable;

    @BeforeAll
    static void start() {
        Path cjs = fixture("node-cjs");
        reloadable = HostFixtures.copy("node-cjs", temporary);
        host = new FunctionHost(List.of(
                function("echo", "nodejs20.x", "app.echo", cjs, 3, Map.of("GREETING", "hello")),
                function("esm", "nodejs20.x", "index.handler", fixture("node-esm"), 3, Map.of("GREETING", "from esm")),
                function("callback", "nodejs20.x", "app.callback", cjs, 3, Map.of()),
                function("nested", "nodejs20.x", "app.nested.handler", cjs, 3, Map.of()),
                function("fail", "nodejs20.x", "app.fail", cjs, 3, Map.of()),
                function("failByCallback", "nodejs20.x", "app.failByCallback", cjs, 3, Map.of()),
                function("hang", "nodejs20.x", "app.hang", cjs, 1, Map.of()),
                function("exit", "nodejs20.x", "app.exit", cjs, 3, Map.of()),
                function("warm", "nodejs20.x", "app.exit", cjs, 3, Map.of()),
                function("uncaught", "nodejs20.x", "app.uncaught", cjs, 3, Map.of()),
                function("wait", "nodejs20.x", "app.wait", cjs, 30, Map.of()),
                function("versioned", "nodejs20.x", "app.version", reloadable, 3, Map.of()),
                function("busy", "nodejs20.x", "app.wait", reloadable, 30, Map.of()),
                function("broken", "nodejs20.x", "app.handler", fixture("node-broken"), 3, Map.of()),
                function("syntax", "nodejs20.x", "app.handler", fixture("node-syntax"), 3, Map.of()),
                function("syntaxEsm", "nodejs20.x", "esm.handler", fixture("node-syntax"), 3, Map.of()),
                function("chatty", "nodejs20.x", "app.chatty", cjs, 3, Map.of()),
                function("defaultCallback", "nodejs20.x", "app.defaultCallback", cjs, 3, Map.of()),
                function("succeed", "nodejs20.x", "app.succeed", cjs, 3, Map.of()),
                function("sync", "nodejs20.x", "app.sync", cjs, 3, Map.of()),
                function("waitsForTheLoop", "nodejs20.x", "app.waitsForTheLoop", cjs, 3, Map.of()),
                function("throwString", "nodejs20.x", "app.throwString", cjs, 3, Map.of()),
                function("throwObject", "nodejs20.x", "app.throwObject", cjs, 3, Map.of()),
                function("interrupted", "nodejs20.x", "app.echo", cjs, 3, Map.of())),
                HostFixtures.settings(CONCURRENCY), LOG);
    }

    @AfterAll
    static void stop() {
        host.close();
        HostFixtures.assertNoRuntimeLeft();
    }

    @Test
    void commonJsHandlerSeesTheEventLambdasVariablesAndContext() throws Exception {
        LocalInvocation invocation = host.invoke("echo", event("{\"hello\": \"world\"}"));

        assertThat(invocation.failed()).as(new String(invocation.payload(), StandardCharsets.UTF_8)).isFalse();
        assertThat(invocation.coldStart()).isTrue();
        JsonNode answer = json(invocation);
        assertThat(answer.at("/event/hello").asText()).isEqualTo("world");
        JsonNode env = answer.get("env");
        assertThat(env.get("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("svc-dev-echo");
        assertThat(env.get("AWS_LAMBDA_FUNCTION_VERSION").asText()).isEqualTo("$LATEST");
        assertThat(env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("256");
        assertThat(env.get("_HANDLER").asText()).isEqualTo("app.echo");
        assertThat(env.get("AWS_REGION").asText()).isEqualTo("us-east-1");
        assertThat(env.get("AWS_DEFAULT_REGION").asText()).isEqualTo("us-east-1");
        assertThat(env.get("AWS_ENDPOINT_URL").asText()).isEqualTo(HostFixtures.ENGINE.toString());
        assertThat(env.get("AWS_ACCESS_KEY_ID").asText()).isEqualTo("local-key");
        assertThat(env.get("AWS_EXECUTION_ENV").asText()).isEqualTo("AWS_Lambda_nodejs20.x");
        assertThat(env.get("LAMBDA_TASK_ROOT").asText()).isEqualTo(fixture("node-cjs").toString());
        assertThat(env.get("TZ").asText()).isEqualTo(":UTC");
        assertThat(env.get("GREETING").asText()).isEqualTo("hello");
        JsonNode context = answer.get("context");
        assertThat(context.get("functionName").asText()).isEqualTo("svc-dev-echo");
        assertThat(context.get("functionVersion").asText()).isEqualTo("$LATEST");
        assertThat(context.get("memoryLimitInMB").asText()).isEqualTo("256");
        assertThat(context.get("awsRequestId").asText()).isNotBlank();
        assertThat(context.get("invokedFunctionArn").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:svc-dev-echo");
        assertThat(context.get("logGroupName").asText()).isEqualTo("/aws/lambda/svc-dev-echo");
        assertThat(context.get("logStreamName").asText()).contains("[$LATEST]");
        assertThat(context.get("remaining").asLong()).isBetween(1L, 3000L);
    }

    @Test
    void esModuleHandlerRuns() throws Exception {
        JsonNode answer = json(host.invoke("esm", event("{\"n\": 1}")));

        assertThat(answer.get("esm").asBoolean()).isTrue();
        assertThat(answer.at("/event/n").asInt()).isEqualTo(1);
        assertThat(answer.get("functionName").asText()).isEqualTo("svc-dev-esm");
        assertThat(answer.get("handler").asText()).isEqualTo("index.handler");
        assertThat(answer.get("greeting").asText()).isEqualTo("from esm");
    }

    @Test
    void callbackStyleAndNestedExportsAnswer() throws Exception {
        JsonNode callback = json(host.invoke("callback", event("{\"x\": true}")));
        JsonNode nested = json(host.invoke("nested", event("{}")));

        assertThat(callback.get("style").asText()).isEqualTo("callback");
        assertThat(callback.at("/event/x").asBoolean()).isTrue();
        assertThat(nested.get("nested").asBoolean()).isTrue();
    }

    @Test
    void aHandlerErrorIsAFailedInvocationAndTheInstanceStaysWarm() throws Exception {
        LocalInvocation first = host.invoke("fail", event("{\"reason\": \"no name\"}"));
        LocalInvocation second = host.invoke("fail", event("{\"reason\": \"again\"}"));
        LocalInvocation byCallback = host.invoke("failByCallback", event("{}"));

        assertThat(first.failed()).isTrue();
        assertThat(first.errorType()).isEqualTo("TypeError");
        assertThat(first.errorMessage()).isEqualTo("bad input: no name");
        JsonNode document = json(first);
        assertThat(document.get("errorType").asText()).isEqualTo("TypeError");
        assertThat(document.get("errorMessage").asText()).isEqualTo("bad input: no name");
        assertThat(document.get("trace").get(0).asText()).isEqualTo("TypeError: bad input: no name");
        assertThat(second.coldStart()).isFalse();
        assertThat(byCallback.errorType()).isEqualTo("RangeError");
        assertThat(byCallback.errorMessage()).isEqualTo("out of range");
        await("the error's stack in fail's log", () -> LOG.lines("fail").stream().anyMatch(line -> line.contains("TypeError: bad input: no name")));
    }

    @Test
    void aTimeoutEndsTheInstanceAndTheNextInvocationStartsAFreshOne() throws Exception {
        long before = json(host.invoke("hang", event("{}"))).get("pid").asLong();

        LocalInvocation timedOut = host.invoke("hang", event("{\"hang\": true}"));

        assertThat(timedOut.errorType()).isEqualTo("Sandbox.Timedout");
        assertThat(timedOut.errorMessage()).isEqualTo("Task timed out after 1.00 seconds");
        assertThat(json(timedOut).get("errorType").asText()).isEqualTo("Sandbox.Timedout");
        await("the timed-out instance to end", () -> !alive(before));
        LocalInvocation next = host.invoke("hang", event("{}"));
        assertThat(next.failed()).isFalse();
        assertThat(next.coldStart()).isTrue();
        assertThat(json(next).get("pid").asLong()).isNotEqualTo(before);
        assertThat(LOG.lines("hang")).anyMatch(line -> line.endsWith("Error: Task timed out after 1.00 seconds"));
    }

    @Test
    void aProcessThatExitsMidInvocationIsAnExitErrorAndTheNextInvocationRecovers() throws Exception {
        long before = json(host.invoke("exit", event("{}"))).get("pid").asLong();

        LocalInvocation crashed = host.invoke("exit", event("{\"exit\": true}"));

        assertThat(crashed.errorType()).isEqualTo("Runtime.ExitError");
        assertThat(crashed.errorMessage()).isEqualTo("Runtime exited with error: exit status 3");
        await("the crashed instance to end", () -> !alive(before));
        LocalInvocation next = host.invoke("exit", event("{}"));
        assertThat(next.failed()).isFalse();
        assertThat(next.coldStart()).isTrue();
        assertThat(json(next).get("pid").asLong()).isNotEqualTo(before);
    }

    @Test
    void anUncaughtExceptionFailsTheInvocationAndTheNextOneRunsOnAFreshInstance() throws Exception {
        long before = json(host.invoke("uncaught", event("{}"))).get("pid").asLong();

        LocalInvocation failed = host.invoke("uncaught", event("{\"boom\": true}"));
        LocalInvocation next = host.invoke("uncaught", event("{}"));

        assertThat(failed.errorType()).isEqualTo("Error");
        assertThat(failed.errorMessage()).isEqualTo("async boom");
        assertThat(next.failed()).isFalse();
        assertThat(next.coldStart()).isTrue();
        assertThat(json(next).get("pid").asLong()).isNotEqualTo(before);
    }

    @Test
    void aWarmInstanceAnswersAgainAndEachInvocationLogsAReport() throws Exception {
        LocalInvocation first = host.invoke("warm", event("{}"));
        LocalInvocation second = host.invoke("warm", event("{}"));

        assertThat(first.coldStart()).isTrue();
        assertThat(second.coldStart()).isFalse();
        assertThat(json(second).get("pid").asLong()).isEqualTo(json(first).get("pid").asLong());
        List<String> reports = LOG.lines("warm").stream().filter(line -> line.startsWith("REPORT RequestId: ")).toList();
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0)).matches("REPORT RequestId: [0-9a-f-]{36}\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms\tMemory Size: 256 MB"
                + "\tMax Memory Used: \\d+ MB\tInit Duration: \\d+\\.\\d\\d ms");
        assertThat(reports.get(1)).doesNotContain("Init Duration");
    }

    @Test
    void noMoreInstancesThanTheConcurrencyRunAtOnce(@TempDir Path folder) throws Exception {
        int invocations = CONCURRENCY * 2;
        ExecutorService callers = Executors.newFixedThreadPool(invocations);
        try {
            List<Future<LocalInvocation>> answers = new ArrayList<>();
            for (int i = 0; i < invocations; i++) {
                answers.add(callers.submit(() -> host.invoke("wait", event("{\"dir\": \"" + folder + "\"}"))));
            }
            await(CONCURRENCY + " instances to be busy", () -> started(folder) == CONCURRENCY);
            assertThat(started(folder)).isEqualTo(CONCURRENCY);
            Files.createFile(folder.resolve("go"));
            Set<Long> pids = new HashSet<>();
            for (Future<LocalInvocation> answer : answers) {
                LocalInvocation invocation = answer.get();
                assertThat(invocation.failed()).isFalse();
                pids.add(json(invocation).get("pid").asLong());
            }
            assertThat(started(folder)).isEqualTo(invocations);
            assertThat(pids).hasSizeLessThanOrEqualTo(CONCURRENCY);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aReloadedFunctionAnswersFromANewInstanceWithTheNewCode() throws Exception {
        JsonNode before = json(host.invoke("versioned", event("{}")));
        Path app = reloadable.resolve("app.js");
        Files.writeString(app, Files.readString(app).replace("version: 1", "version: 2"));

        host.reload(function("versioned", "nodejs20.x", "app.version", reloadable, 3, Map.of()));
        JsonNode after = json(host.invoke("versioned", event("{}")));

        assertThat(before.get("version").asInt()).isEqualTo(1);
        assertThat(after.get("version").asInt()).isEqualTo(2);
        assertThat(after.get("pid").asLong()).isNotEqualTo(before.get("pid").asLong());
        await("the old instance to stop", () -> !alive(before.get("pid").asLong()));
    }

    @Test
    void anInstanceBusyDuringAReloadFinishesItsInvocationThenStops(@TempDir Path folder) throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<LocalInvocation> running = caller.submit(() -> host.invoke("busy", event("{\"dir\": \"" + folder + "\"}")));
            await("the invocation to start", () -> started(folder) == 1);

            host.reload(function("busy", "nodejs20.x", "app.wait", reloadable, 30, Map.of()));
            Files.createFile(folder.resolve("go"));
            LocalInvocation finished = running.get();
            LocalInvocation next = host.invoke("busy", event("{\"dir\": \"" + folder + "\"}"));

            assertThat(finished.failed()).isFalse();
            long old = json(finished).get("pid").asLong();
            assertThat(next.coldStart()).isTrue();
            assertThat(json(next).get("pid").asLong()).isNotEqualTo(old);
            await("the old instance to stop", () -> !alive(old));
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void theFunctionsOutputReachesTheLog() throws Exception {
        host.invoke("echo", event("{\"say\": \"logged line\"}"));

        await("echo's console.log line", () -> LOG.lines("echo").contains("echo got {\"say\":\"logged line\"}"));
    }

    @Test
    void aHandlerThatCannotBeLoadedIsAnInitError() throws Exception {
        LocalInvocation first = host.invoke("broken", event("{}"));
        LocalInvocation second = host.invoke("broken", event("{}"));

        // the type Lambda answers with: the runtime's, the same in the document
        assertThat(first.errorType()).isEqualTo("Runtime.ImportModuleError");
        assertThat(first.errorMessage()).contains("Cannot find module './no-such-module'");
        assertThat(json(first).get("errorType").asText()).isEqualTo("Runtime.ImportModuleError");
        assertThat(second.errorType()).isEqualTo("Runtime.ImportModuleError");
        assertThat(second.coldStart()).isTrue();
    }

    /** As Python and javac do, a syntax error says where it is: file:line, of a CommonJS module and of an ES module. */
    @Test
    void aSyntaxErrorSaysItsFileAndLineWithOneTypeEverywhere() throws Exception {
        LocalInvocation cjs = host.invoke("syntax", event("{}"));
        LocalInvocation esm = host.invoke("syntaxEsm", event("{}"));

        assertThat(cjs.errorType()).isEqualTo("Runtime.UserCodeSyntaxError");
        assertThat(cjs.errorMessage()).isEqualTo("SyntaxError: Unexpected token ')' (app.js:3)");
        assertThat(json(cjs).get("errorType").asText()).isEqualTo("Runtime.UserCodeSyntaxError");
        assertThat(esm.errorType()).isEqualTo("Runtime.UserCodeSyntaxError");
        assertThat(esm.errorMessage()).isEqualTo("SyntaxError: Unexpected token ')' (esm.mjs:3)");
        assertThat(LOG.lines("syntax")).contains("Runtime.UserCodeSyntaxError: SyntaxError: Unexpected token ')' (app.js:3)");
    }

    @Test
    void anUnknownFunctionIsNotFoundWithTheNearNames() {
        assertThatThrownBy(() -> host.invoke("ecoh", event("{}")))
                .isInstanceOfSatisfying(DynctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("Function 'ecoh' is not in this project.");
                    assertThat(e.hint()).isEqualTo("Did you mean 'echo'?");
                });
    }

    @Test
    void closeEndsEveryInstance() throws Exception {
        LocalFunction function = function("alone", "nodejs20.x", "app.exit", fixture("node-cjs"), 3, Map.of());
        long pid;
        try (FunctionHost own = new FunctionHost(List.of(function), HostFixtures.settings(1), new RecordingLog())) {
            pid = json(own.invoke("alone", event("{}"))).get("pid").asLong();
            assertThat(alive(pid)).isTrue();
        }

        assertThat(alive(pid)).isFalse();
    }

    @Test
    void aHandlerThatImportsNoSdkNeverStartsNpm() throws Exception {
        host.invoke("esm", event("{}"));

        assertThat(LOG.notes()).noneMatch(note -> note.contains("AWS SDK"));
    }

    /** As Lambda's runtime reports a thrown or callback'd value that is not an Error: its type and String(value). */
    @Test
    void aValueThatIsNotAnErrorIsReportedAsLambdaReportsIt() throws Exception {
        LocalInvocation string = host.invoke("throwString", event("{}"));
        LocalInvocation object = host.invoke("throwObject", event("{}"));

        assertThat(string.errorType()).isEqualTo("string");
        assertThat(string.errorMessage()).isEqualTo("plain text");
        assertThat(json(string).get("trace").isEmpty()).isTrue();
        assertThat(object.errorType()).isEqualTo("object");
        assertThat(object.errorMessage()).isEqualTo("[object Object]");
    }

    @Test
    void handlersThatReturnNoPromiseAnswerAsOnLambda() throws Exception {
        JsonNode defaultCallback = json(host.invoke("defaultCallback", event("{}")));
        JsonNode succeed = json(host.invoke("succeed", event("{}")));
        LocalInvocation sync = host.invoke("sync", event("{}"));
        LocalInvocation waits = host.invoke("waitsForTheLoop", event("{}"));

        assertThat(defaultCallback.get("style").asText()).isEqualTo("default callback");
        assertThat(succeed.get("via").asText()).isEqualTo("context.succeed");
        assertThat(sync.failed()).isFalse();
        assertThat(json(sync).isNull()).isTrue();
        assertThat(LOG.lastInvocation("sync")).first().isEqualTo("sync handler ran");
        assertThat(json(waits).asText()).isEqualTo("answered after the timer");
        assertThat(LOG.lastInvocation("waitsForTheLoop")).first().isEqualTo("timer ran before the answer");
    }

    /** The REPORT line is logged once the invocation's own lines are, before invoke() returns; again and again. */
    @Test
    void anInvocationsOutputIsLoggedBeforeItsReport() throws Exception {
        for (int n = 1; n <= 5; n++) {
            host.invoke("chatty", event("{\"n\": " + n + "}"));

            List<String> lines = LOG.lastInvocation("chatty");
            assertThat(lines).hasSize(4);
            assertThat(lines.subList(0, 3)).containsExactlyInAnyOrder("chatty " + n + " one", "chatty " + n + " two", "chatty " + n + " three");
            assertThat(lines.indexOf("chatty " + n + " one")).isLessThan(lines.indexOf("chatty " + n + " three"));
            assertThat(lines.get(3)).startsWith("REPORT RequestId: ");
        }
    }

    /** Ctrl-C at a terminal signals the whole process group: an instance neither dies of it nor prints about it. */
    @Test
    void anInstanceIgnoresSigintAndRunsInASessionOfItsOwn() throws Exception {
        long pid = json(host.invoke("interrupted", event("{}"))).get("pid").asLong();

        HostFixtures.interrupt(pid);
        LocalInvocation next = host.invoke("interrupted", event("{}"));

        assertThat(next.coldStart()).isFalse();
        assertThat(json(next).get("pid").asLong()).isEqualTo(pid);
        assertThat(HostFixtures.sessionLeader(pid)).isTrue();
        assertThat(LOG.lines("interrupted")).noneMatch(line -> line.contains("SIGINT"));
    }

    private static long started(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith("started-")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
