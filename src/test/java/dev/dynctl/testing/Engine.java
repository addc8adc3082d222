package dev.dynctl.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** Plain SDK clients on the test engine, for setting up and checking state behind dynctl's back. */
public final class Engine {
    private static final Map<Class<?>, SdkClient> CLIENTS = new HashMap<>();

    private Engine() {
    }

    public static DynamoDbClient dynamo() {
        return client(DynamoDbClient.class, DynamoDbClient.builder());
    }

    public static LambdaClient lambda() {
        return client(LambdaClient.class, LambdaClient.builder());
    }

    public static ApiGatewayClient apiGateway() {
        return client(ApiGatewayClient.class, ApiGatewayClient.builder());
    }

    public static ApiGatewayV2Client apiGatewayV2() {
        return client(ApiGatewayV2Client.class, ApiGatewayV2Client.builder());
    }

    public static CloudWatchClient cloudWatch() {
        return client(CloudWatchClient.class, CloudWatchClient.builder());
    }

    public static ApplicationAutoScalingClient autoScaling() {
        return client(ApplicationAutoScalingClient.class, ApplicationAutoScalingClient.builder());
    }

    public static CloudWatchLogsClient logs() {
        return client(CloudWatchLogsClient.class, CloudWatchLogsClient.builder());
    }

    public static DynamoDbStreamsClient dynamoStreams() {
        return client(DynamoDbStreamsClient.class, DynamoDbStreamsClient.builder());
    }

    public static IamClient iam() {
        return client(IamClient.class, IamClient.builder());
    }

    private static synchronized <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C client(
            Class<C> type, B builder) {
        return type.cast(CLIENTS.computeIfAbsent(type, t -> builder
                .endpointOverride(MotoServer.get().endpoint())
                .region(Region.of(Cli.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()));
    }

    /** A table (or API, function, role) name no other test uses. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A Python Lambda function made behind dynctl's back, with a role of its own; returns its ARN.
     * moto runs no code without Docker: invoking it answers with the payload.
     */
    public static String function(String name) {
        String role = iam().createRole(b -> b.roleName(name + "-role").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                        + "\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
        return lambda().createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12).handler("app.handler").role(role)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip("app.py", "def handler(event, context):\n    return event\n")))))
                .functionArn();
    }

    /** A zip archive holding one file. */
    public static byte[] zip(String name, String content) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
