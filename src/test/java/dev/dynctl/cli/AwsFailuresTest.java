package dev.dynctl.cli;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.aws.AwsErrors;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.MotoServer;
import dev.dynctl.testing.StubEndpoint;
import dev.dynctl.testing.StubEndpoint.Answer;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;

/** What AWS (or an engine standing in for it) did wrong, in a sentence that names where the request went. */
class AwsFailuresTest {
    @TempDir
    Path dir;

    @Test
    void aServiceFailureWithoutAnErrorCodeSaysWhichHttpStatus() {
        try (StubEndpoint broken = StubEndpoint.start(operation -> new Answer(500, ""))) {
            Result r = cli().run("table", "list", "--endpoint-url", broken.endpoint().toString(), "--region", "us-east-1");

            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).startsWith("Error: The service at endpoint " + broken.endpoint()
                    + " (region us-east-1) failed with HTTP 500.\n").doesNotContain("null");
        }
    }

    @Test
    void whenTheLocalEngineFailsTheHintPointsAtItsLog() {
        // answers the --local probe as DynamoDB does, then fails every real call as moto does on what it cannot do
        try (StubEndpoint engine = StubEndpoint.start(operation -> operation.equals("ListTables")
                ? new Answer(200, "{\"TableNames\": []}") : new Answer(500, ""))) {
            Result r = cli().env("DYNCTL_LOCAL_HOME", dir.toString()).env("DYNCTL_LOCAL_PORT", String.valueOf(engine.port()))
                    .run("--local", "table", "describe", "users");

            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("The service at the local engine at " + engine.endpoint() + " (region us-east-1) failed with HTTP 500.",
                    "Hint: The local engine's log may say why; 'dynctl local status' shows where it is.");
        }
    }

    @Test
    void aLimitReachedIsNotThrottling() {
        String limit = "{\"__type\": \"com.amazonaws.dynamodb.v20120810#LimitExceededException\", "
                + "\"message\": \"Subscriber limit exceeded: Only 50 tables can be created, updated, or deleted simultaneously\"}";
        try (StubEndpoint limited = StubEndpoint.start(operation -> new Answer(400, limit))) {
            Result r = cli().run("table", "list", "--endpoint-url", limited.endpoint().toString(), "--region", "us-east-1");

            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("A DynamoDB limit was reached at endpoint " + limited.endpoint(),
                    "Only 50 tables", "not throttling", "Service Quotas").doesNotContain("Throttled");
        }
    }

    @Test
    void aReadTimeoutIsATimeoutNotAnUnreachableHost() {
        // what the SDK throws when a connected endpoint does not answer within the socket timeout (60 s, so not waited for here)
        SdkClientException readTimeout = SdkClientException.builder().message("Unable to execute HTTP request: Read timed out")
                .cause(new SocketTimeoutException("Read timed out")).build();

        DynctlException error = AwsErrors.translate(readTimeout, "region eu-west-1");

        assertThat(error.exitCode()).isEqualTo(ExitCode.THROTTLED);
        assertThat(error.getMessage()).isEqualTo("The request to region eu-west-1 timed out after retries.");
    }

    @Test
    void anEndpointsPasswordIsNeverPrinted() throws Exception {
        int port = MotoServer.freePort();
        Result r = cli().run("table", "list", "--endpoint-url", "http://ada:s3cret@127.0.0.1:" + port, "--region", "us-east-1");

        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("Cannot reach endpoint http://127.0.0.1:" + port + " (region us-east-1)")
                .doesNotContain("s3cret", "ada");
    }

    @Test
    void anEndpointTheSdkFoundItselfIsNamed() throws Exception {
        int port = MotoServer.freePort();
        // the SDK reads AWS_ENDPOINT_URL and this property alike; a test can only set the property
        System.setProperty("aws.endpointUrl", "http://127.0.0.1:" + port);
        try {
            Result r = cli().run("table", "list", "--region", "us-east-1");

            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("Cannot reach endpoint http://127.0.0.1:" + port + " (region us-east-1)");
        } finally {
            System.clearProperty("aws.endpointUrl");
        }
    }

    @Test
    void aProfileThatIsNotConfiguredIsACredentialsError() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), "[profile dev]\nregion = eu-west-1\n[profile prod]\n");
        Path credentials = Files.writeString(dir.resolve("credentials"), "[dev]\naws_access_key_id = x\n");
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        try {
            Result r = cli().run("table", "list", "--profile", "nope", "--region", "us-east-1");

            assertThat(r.code()).as(r.toString()).isEqualTo(6);
            assertThat(r.err()).isEqualTo("Error: The profile 'nope' is not in ~/.aws/config or ~/.aws/credentials.\n"
                    + "Hint: Create it with 'aws configure --profile nope' (or 'aws configure sso'), or use one of: dev, prod.\n");
        } finally {
            System.clearProperty("aws.configFile");
            System.clearProperty("aws.sharedCredentialsFile");
        }
    }

    @Test
    void debugPrintsEachCallAndItsAnswer() {
        Result r = cli().aws("table", "list", "--debug");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).containsPattern("→ DynamoDB\\.ListTables ListTablesRequest\\(.*\\)\n← 200 in \\d+ ms\n")
                .doesNotContain("Authorization", "Signature");
    }
}
