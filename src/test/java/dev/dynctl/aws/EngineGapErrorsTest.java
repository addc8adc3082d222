package dev.dynctl.aws;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** An engine that lacks a request is named as the cause, with the request, rather than left to its log. */
class EngineGapErrorsTest {
    private static final String ENDPOINT = "endpoint http://127.0.0.1:5000 (region us-east-1)";

    @Test
    void anOperationMotoLacksIsNamedAsTheEnginesGap() {
        // moto has no API Gateway v2 CreateDeployment: its server answers the path with Werkzeug's HTML "Not Found"
        String name = Engine.uniqueName("gap");
        String id = Engine.apiGatewayV2().createApi(b -> b.name(name).protocolType("HTTP")).apiId();
        Engine.apiGatewayV2().createStage(b -> b.apiId(id).stageName("beta"));

        Result r = cli().aws("api", "deploy", name, "--stage", "beta");

        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("API Gateway at endpoint ", "answered CreateDeployment with HTTP 404 and no error code: "
                + "the engine may not implement this request.", "Hint: AWS has it").doesNotContain("log may say why");
    }

    @Test
    void withoutTheOperationTheAnswerStillSaysTheEngineMayLackIt() {
        DynctlException error = AwsErrors.translate(noCode(404, "ApiGatewayV2"), ENDPOINT);

        assertThat(error.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(error.getMessage()).isEqualTo("API Gateway at " + ENDPOINT
                + " answered with HTTP 404 and no error code: the engine may not implement this request.");
        assertThat(noCode(501, "Lambda")).satisfies(e -> assertThat(AwsErrors.translate(e, ENDPOINT).getMessage())
                .contains("HTTP 501", "may not implement"));
    }

    @Test
    void fromAwsItselfA404WithoutCodeIsNotBlamedOnAnEngine() {
        DynctlException error = AwsErrors.translate(noCode(404, "ApiGatewayV2"), "region us-east-1");

        assertThat(error.getMessage()).isEqualTo("The service at region us-east-1 failed with HTTP 404.").doesNotContain("engine");
    }

    private static AwsServiceException noCode(int status, String service) {
        return AwsServiceException.builder().statusCode(status).awsErrorDetails(AwsErrorDetails.builder().serviceName(service).build())
                .build();
    }
}
