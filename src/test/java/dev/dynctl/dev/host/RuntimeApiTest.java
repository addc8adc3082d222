package dev.dynctl.dev.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What an event gets when its instance's runtime already failed before the host handed it over. */
class RuntimeApiTest {
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final RuntimeApi api = RuntimeApi.open("arn:aws:lambda:us-east-1:123456789012:function:f", threads);

    @AfterEach
    void close() {
        api.close();
        threads.shutdownNow();
    }

    @Test
    void anEventSubmittedAfterTheProcessEndedGetsItsExitAtOnce() {
        api.processEnded(Answer.hostError(Answer.EXIT_ERROR, "Runtime exited with error: exit status 2"));
        PendingInvocation invocation = new PendingInvocation("{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(3));

        api.submit(invocation);

        assertThat(invocation.answer()).isDone();
        assertThat(invocation.answer().join().errorType()).isEqualTo("Runtime.ExitError");
        assertThat(invocation.answer().join().errorMessage()).isEqualTo("Runtime exited with error: exit status 2");
    }

    @Test
    void theAddressIsTheIpv4LoopbackItListensOn() {
        assertThat(api.address()).matches("127\\.0\\.0\\.1:\\d+");
    }
}
