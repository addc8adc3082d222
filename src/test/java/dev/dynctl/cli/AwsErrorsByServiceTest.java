package dev.dynctl.cli;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.aws.AwsErrors;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.RestJsonStub;
import dev.dynctl.testing.RestJsonStub.Answer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Throttling and limits in the words of the service that answered: DynamoDB's capacity advice only for DynamoDB. */
class AwsErrorsByServiceTest {
    @Test
    void throttledLambdaAsksForALowerRateOrAHigherQuota() {
        try (RestJsonStub lambda = RestJsonStub.start(request -> Answer.error(429, "TooManyRequestsException", "Rate exceeded"))) {
            Result r = cli().run("function", "list", "--endpoint-url", lambda.endpoint().toString(), "--region", "us-east-1");

            assertThat(r.code()).as(r.toString()).isEqualTo(5);
            assertThat(r.err()).contains("Throttled by Lambda at endpoint " + lambda.endpoint() + " (region us-east-1) after retries: Rate exceeded",
                    "Hint: Lower the request rate, or ask for a higher quota in Service Quotas.").doesNotContain("table", "capacity");
        }
    }

    /** API Gateway answers its request-rate limit with LimitExceededException and HTTP 429. */
    @Test
    void apiGatewaysRateLimitIsThrottlingWithoutTableAdvice() {
        try (RestJsonStub apiGateway = RestJsonStub.start(request -> Answer.error(429, "LimitExceededException", "Too Many Requests"))) {
            Result r = cli().run("api", "list", "--endpoint-url", apiGateway.endpoint().toString(), "--region", "us-east-1");

            assertThat(r.code()).as(r.toString()).isEqualTo(5);
            assertThat(r.err()).contains("Throttled by API Gateway at endpoint " + apiGateway.endpoint(), "Too Many Requests",
                    "ask for a higher quota").doesNotContain("table", "DynamoDB");
        }
    }

    @Test
    void aLimitOfAnotherServiceIsNotCalledADynamoDbLimit() {
        DynctlException error = AwsErrors.translate(limit("Lambda", "Code storage limit exceeded."), "region eu-west-1");

        assertThat(error.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(error.getMessage()).isEqualTo("A limit of Lambda was reached at region eu-west-1: Code storage limit exceeded.");
        assertThat(error.hint()).isEqualTo("Wait and try again, lower the request rate, or ask for a higher quota in Service Quotas.");
    }

    @Test
    void dynamoDbKeepsItsOwnAdvice() {
        DynctlException limit = AwsErrors.translate(limit("DynamoDb", "Only 50 tables can be created at once"), "region eu-west-1");
        assertThat(limit.getMessage()).isEqualTo("A DynamoDB limit was reached at region eu-west-1: Only 50 tables can be created at once");
        assertThat(limit.hint()).contains("not throttling", "table operations");

        AwsServiceException throttled = AwsServiceException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                .serviceName("DynamoDb").errorCode("ProvisionedThroughputExceededException").errorMessage("Slow down").build()).build();
        DynctlException error = AwsErrors.translate(throttled, "region eu-west-1");
        assertThat(error.exitCode()).isEqualTo(ExitCode.THROTTLED);
        assertThat(error.getMessage()).isEqualTo("Throttled by region eu-west-1 after retries: Slow down");
        assertThat(error.hint()).isEqualTo("Lower the request rate, or raise the table's capacity (or use on-demand billing).");
    }

    private static AwsServiceException limit(String service, String message) {
        return AwsServiceException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                .serviceName(service).errorCode("LimitExceededException").errorMessage(message).build()).build();
    }
}
