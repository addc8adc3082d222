package dev.dynctl.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.sts.StsClient;

/** The proxy names each request's operation in every protocol, tells writes from reads, and fails one chosen call once. */
class RecordingProxyTest {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    @Test
    void recordsTheOperationOfEachProtocol() {
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            String table = Engine.uniqueName("proxy");
            try (DynamoDbClient dynamo = client(DynamoDbClient.builder(), proxy); IamClient iam = client(IamClient.builder(), proxy);
                 StsClient sts = client(StsClient.builder(), proxy); LambdaClient lambda = client(LambdaClient.builder(), proxy)) {
                dynamo.createTable(b -> b.tableName(table).billingMode("PAY_PER_REQUEST")
                        .keySchema(k -> k.attributeName("id").keyType("HASH"))
                        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
                dynamo.describeTable(b -> b.tableName(table));
                dynamo.scan(b -> b.tableName(table));
                String role = Engine.uniqueName("proxy-role");
                iam.createRole(b -> b.roleName(role).assumeRolePolicyDocument(TRUST));
                iam.getRole(b -> b.roleName(role));
                sts.getCallerIdentity();
                lambda.listFunctions();
            }

            assertThat(proxy.calls()).extracting(RecordingProxy.Call::toString).containsExactly(
                    "dynamodb CreateTable", "dynamodb DescribeTable", "dynamodb Scan", "iam CreateRole", "iam GetRole",
                    "sts GetCallerIdentity", "lambda GET /2015-03-31/functions");
            assertThat(proxy.writes()).extracting(RecordingProxy.Call::toString).containsExactly("dynamodb CreateTable", "iam CreateRole");
        }
    }

    @Test
    void failsOneChosenCallOnceWithAnErrorTheSdkDoesNotRetry() {
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint());
             IamClient iam = client(IamClient.builder(), proxy); DynamoDbClient dynamo = client(DynamoDbClient.builder(), proxy);
             LambdaClient lambda = client(LambdaClient.builder(), proxy)) {
            proxy.failOnce(call -> call.operation().equals("CreateRole"), 400, "MalformedPolicyDocument", "injected");
            proxy.failOnce(call -> call.operation().equals("ListTables"), 400, "ValidationException", "injected");
            proxy.failOnce(call -> call.service().equals("lambda"), 400, "InvalidParameterValueException", "injected");
            String role = Engine.uniqueName("proxy-role");

            assertThatThrownBy(() -> iam.createRole(b -> b.roleName(role).assumeRolePolicyDocument(TRUST)))
                    .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument"));
            assertThatThrownBy(dynamo::listTables)
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
            assertThatThrownBy(lambda::listFunctions)
                    .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
            assertThat(proxy.calls()).as("not retried").hasSize(3);

            iam.createRole(b -> b.roleName(role).assumeRolePolicyDocument(TRUST));
            assertThat(Engine.iam().getRole(b -> b.roleName(role)).role().roleName()).isEqualTo(role);
        }
    }

    private static <C extends software.amazon.awssdk.core.SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C client(
            B builder, RecordingProxy proxy) {
        return builder.endpointOverride(proxy.endpoint())
                .region(Region.of(Cli.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
