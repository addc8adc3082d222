package dev.dynctl.cli.tail;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli;
import dev.dynctl.testing.StubEndpoint;
import dev.dynctl.testing.StubEndpoint.Answer;
import org.junit.jupiter.api.Test;

/** CloudWatch Logs' refusals, which moto does not make: each an exit code and a sentence. */
class TailLogsAnswersTest {
    private static final Answer GROUP = new Answer(200, "{\"logGroups\": [{\"logGroupName\": \"/app/orders\"}]}");

    @Test
    void aFilterPatternCloudWatchRefusesIsBadInput() {
        try (StubEndpoint stub = StubEndpoint.start(operation -> operation.equals("DescribeLogGroups") ? GROUP
                : new Answer(400, "{\"__type\": \"InvalidParameterException\", \"message\": \"Invalid character(s) in term '{'\"}"))) {
            Cli.Result r = tail(stub, "--filter", "{ $.level = ");

            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).contains("Invalid character(s) in term '{'").doesNotContain("\tat ");
        }
    }

    @Test
    void aLogGroupDeletedWhileFollowedIsNotFound() {
        try (StubEndpoint stub = StubEndpoint.start(operation -> operation.equals("DescribeLogGroups") ? GROUP
                : new Answer(400, "{\"__type\": \"ResourceNotFoundException\", \"message\": \"The specified log group does not exist.\"}"))) {
            Cli.Result r = tail(stub, "--follow");

            assertThat(r.code()).as(r.toString()).isEqualTo(3);
            assertThat(r.err()).startsWith("Error: Log group /app/orders is gone from ").contains("127.0.0.1:" + stub.port(),
                    " (deleted while following).\n").doesNotContain("\tat ");
        }
    }

    private static Cli.Result tail(StubEndpoint stub, String... options) {
        String[] args = new String[options.length + 7];
        String[] fixed = {"tail", "logs", "/app/orders", "--endpoint-url", stub.endpoint().toString(), "--region", Cli.REGION};
        System.arraycopy(fixed, 0, args, 0, fixed.length);
        System.arraycopy(options, 0, args, fixed.length, options.length);
        return cli().run(args);
    }
}
