package dev.dynctl.dev.host;

import static dev.dynctl.dev.host.HostFixtures.await;
import static dev.dynctl.dev.host.HostFixtures.event;
import static dev.dynctl.dev.host.HostFixtures.fixture;
import static dev.dynctl.dev.host.HostFixtures.function;
import static dev.dynctl.dev.host.HostFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.dev.LocalInvocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Python functions on the local host, on dynctl's Python runtime. */
class FunctionHostPythonTest {
    private static final RecordingLog LOG = new RecordingLog();
    private static FunctionHost host;

    @BeforeAll
    static void start() {
        host = new FunctionHost(List.of(
                function("echo", "python3.12", "app.echo", fixture("python"), 3, Map.of("GREETING", "hej")),
                function("fail", "python3.12", "app.fail", fixture("python"), 3, Map.of()),
                function("dotted", "python3.12", "pkg.sub.handlers.handle", fixture("python"), 3, Map.of()),
                function("missing", "python3.12", "app.nowhere", fixture("python"), 3, Map.of()),
                function("noboto", "python3.12", "app.handler", fixture("python-noboto"), 3, Map.of()),
                function("chatty", "python3.12", "app.chatty", fixture("python"), 3, Map.of()),
                function("interrupted", "python3.12", "app.echo", fixture("python"), 3, Map.of()),
                function("future", "python3.99", "app.echo", fixture("python"), 3, Map.of())),
                HostFixtures.settings(2), LOG);
    }

    @AfterAll
    static void stop() {
        host.close();
        HostFixtures.assertNoRuntimeLeft();
    }

    /** A runtime whose Python is not here runs on python3: said once, with python3's version, not again at each start or reload. */
    @Test
    void aPythonThatIsNotHereIsSaidOncePerHost() throws Exception {
        assertThat(host.invoke("future", event("{}")).failed()).isFalse();
        host.reload(function("future", "python3.99", "app.echo", fixture("python"), 3, Map.of()));
        assertThat(host.invoke("future", event("{}")).failed()).isFalse();
        host.reload(function("future", "python3.99", "app.echo", fixture("python"), 3, Map.of()));
        assertThat(host.invoke("future", event("{}")).failed()).isFalse();

        assertThat(LOG.notes().stream().filter(note -> note.startsWith("future (python3.99) runs on python3")))
                .singleElement().asString().matches("future \\(python3\\.99\\) runs on python3 \\(Python 3\\.\\d+\\.\\d+\\): "
                        + "python3\\.99 does not run on this machine\\.");
    }

    @Test
    void handlerSeesTheEventLambdasVariablesAndContext() throws Exception {
        LocalInvocation first = host.invoke("echo", event("{\"hello\": \"world\"}"));
        LocalInvocation second = host.invoke("echo", event("{}"));

        assertThat(first.failed()).as(new String(first.payload(), StandardCharsets.UTF_8)).isFalse();
        JsonNode answer = json(first);
        assertThat(answer.at("/event/hello").asText()).isEqualTo("world");
        JsonNode env = answer.get("env");
        assertThat(env.get("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("svc-dev-echo");
        assertThat(env.get("_HANDLER").asText()).isEqualTo("app.echo");
        assertThat(env.get("AWS_REGION").asText()).isEqualTo("us-east-1");
        assertThat(env.get("AWS_ENDPOINT_URL").asText()).isEqualTo(HostFixtures.ENGINE.toString());
        assertThat(env.get("AWS_ACCESS_KEY_ID").asText()).isEqualTo("local-key");
        assertThat(env.get("AWS_EXECUTION_ENV").asText()).isEqualTo("AWS_Lambda_python3.12");
        assertThat(env.get("GREETING").asText()).isEqualTo("hej");
        JsonNode context = answer.get("context");
        assertThat(context.get("function_name").asText()).isEqualTo("svc-dev-echo");
        assertThat(context.get("function_version").asText()).isEqualTo("$LATEST");
        assertThat(context.get("memory_limit_in_mb").asText()).isEqualTo("256");
        assertThat(context.get("aws_request_id").asText()).isNotBlank();
        assertThat(context.get("invoked_function_arn").asText()).endsWith(":function:svc-dev-echo");
        assertThat(context.get("log_group_name").asText()).isEqualTo("/aws/lambda/svc-dev-echo");
        assertThat(context.get("remaining").asLong()).isBetween(1L, 3000L);
        assertThat(answer.get("price").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(second.coldStart()).isFalse();
        assertThat(json(second).get("pid").asLong()).isEqualTo(answer.get("pid").asLong());
        await("echo's print in the log", () -> LOG.lines("echo").contains("python echo got {'hello': 'world'}"));
        assertThat(LOG.lines("echo")).anyMatch(line -> line.startsWith("REPORT RequestId: ") && line.contains("Init Duration"));
    }

    @Test
    void aHandlerInADottedPackageRuns() throws Exception {
        JsonNode answer = json(host.invoke("dotted", event("{}")));

        assertThat(answer.get("module").asText()).isEqualTo("pkg.sub.handlers");
    }

    @Test
    void aRaisedExceptionIsAFailedInvocation() throws Exception {
        LocalInvocation invocation = host.invoke("fail", event("{\"order\": 7}"));

        assertThat(invocation.errorType()).isEqualTo("OrderRejected");
        assertThat(invocation.errorMessage()).isEqualTo("order 7 rejected");
        JsonNode document = json(invocation);
        assertThat(document.get("stackTrace").get(0).asText()).contains("app.py").contains("in fail");
        assertThat(document.get("stackTrace").toString()).doesNotContain("dynctl_lambda_runtime.py");
        String report = LOG.lastInvocation("fail").get(LOG.lastInvocation("fail").size() - 1);
        assertThat(report).startsWith("REPORT RequestId: " + document.get("requestId").asText() + "\t");
        await("the traceback in the log", () -> LOG.lines("fail").stream().anyMatch(line -> line.contains("OrderRejected: order 7 rejected")));
    }

    @Test
    void aMissingHandlerFunctionIsAnInitError() throws Exception {
        LocalInvocation invocation = host.invoke("missing", event("{}"));

        // the runtime's type, as Lambda answers it
        assertThat(invocation.errorType()).isEqualTo("Runtime.HandlerNotFound");
        assertThat(invocation.errorMessage()).isEqualTo("Handler 'nowhere' missing on module 'app'");
    }

    @Test
    void aMissingBoto3NamesTheFix() throws Exception {
        LocalInvocation invocation = host.invoke("noboto", event("{}"));

        assertThat(invocation.errorType()).isEqualTo("Runtime.ImportModuleError");
        assertThat(invocation.errorMessage())
                .startsWith("Unable to import module 'app': No module named 'boto3'. Lambda's Python runtime includes boto3")
                .contains("pip install boto3");
        assertThat(json(invocation).get("errorType").asText()).isEqualTo("Runtime.ImportModuleError");
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

    /** Ctrl-C at a terminal signals the whole process group: no KeyboardInterrupt traceback, the instance stays warm. */
    @Test
    void anInstanceIgnoresSigint() throws Exception {
        long pid = json(host.invoke("interrupted", event("{}"))).get("pid").asLong();

        HostFixtures.interrupt(pid);
        LocalInvocation next = host.invoke("interrupted", event("{}"));

        assertThat(next.coldStart()).isFalse();
        assertThat(json(next).get("pid").asLong()).isEqualTo(pid);
        assertThat(HostFixtures.sessionLeader(pid)).isTrue();
        assertThat(LOG.lines("interrupted")).noneMatch(line -> line.contains("KeyboardInterrupt"));
    }

    @Test
    void noBytecodeIsWrittenIntoTheCode() throws Exception {
        host.invoke("dotted", event("{}"));

        assertThat(Files.exists(fixture("python").resolve("pkg/sub/__pycache__"))).isFalse();
    }
}
