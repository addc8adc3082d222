package dev.dynctl.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ARNs routes build take their partition from the function's or topic's ARN, not "aws". */
class RoutePartitionTest {
    @Test
    void lambdaInvocationUrisAndExecuteApiArnsNameTheFunctionsPartition() {
        String function = "arn:aws-cn:lambda:cn-north-1:123456789012:function:orders";

        assertThat(LambdaIntegrationUri.invocations("cn-north-1", function))
                .isEqualTo("arn:aws-cn:apigateway:cn-north-1:lambda:path/2015-03-31/functions/" + function + "/invocations");
        assertThat(LambdaIntegrationUri.functionArn(LambdaIntegrationUri.invocations("cn-north-1", function))).isEqualTo(function);
        RouteEnvironment environment = new RouteEnvironment("cn-north-1", () -> "123456789012", null, null);
        assertThat(environment.sourceArn(new ApiRef("a1b2c3", "orders", ApiType.REST), RouteKey.parse("GET /items/{id}"), function))
                .isEqualTo("arn:aws-cn:execute-api:cn-north-1:123456789012:a1b2c3/*/GET/items/*");
    }

    @Test
    void snsPublishUrisNameTheTopicsPartition() {
        String topic = "arn:aws-us-gov:sns:us-gov-west-1:123456789012:events";

        SnsPublishIntegration.check(topic);
        assertThat(SnsPublishIntegration.uri(topic)).isEqualTo("arn:aws-us-gov:apigateway:us-gov-west-1:sns:action/Publish");
        assertThat(SnsPublishIntegration.isPublish(SnsPublishIntegration.uri(topic))).isTrue();
    }

    @Test
    void onlyFifoTopicsGetMessageGroupAndDeduplicationIds() {
        assertThat(SnsPublishIntegration.requestTemplates("arn:aws:sns:us-east-1:123456789012:events").values())
                .noneMatch(t -> t.contains("MessageGroupId"));
        assertThat(SnsPublishIntegration.requestTemplates("arn:aws:sns:us-east-1:123456789012:events.fifo").values())
                .allMatch(t -> t.endsWith("&MessageGroupId=$util.urlEncode($context.requestId)"
                        + "&MessageDeduplicationId=$util.urlEncode($context.requestId)"));
    }
}
