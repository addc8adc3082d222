package dev.dynctl.testing;

import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A plain SDK client on the test engine, for setting up and checking state behind dynctl's back. */
public final class Engine {
    private static DynamoDbClient dynamo;

    private Engine() {
    }

    public static synchronized DynamoDbClient dynamo() {
        if (dynamo == null) {
            dynamo = DynamoDbClient.builder()
                    .endpointOverride(MotoServer.get().endpoint())
                    .region(Region.of(Cli.REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }
        return dynamo;
    }

    /** A table name no other test uses. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
