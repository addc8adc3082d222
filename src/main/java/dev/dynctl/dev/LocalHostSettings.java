package dev.dynctl.dev;

import dev.dynctl.aws.Clients;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The host's settings for an engine: functions reach the engine dynctl itself talks to, in its
 * region, with the credentials dynctl sends it (the local engine's dummy ones, or for
 * {@code --endpoint-url} whatever the AWS chain gives).
 */
public final class LocalHostSettings {
    private LocalHostSettings() {
    }

    /** @param cache see {@link HostSettings#cache()} */
    public static HostSettings of(Clients clients, int concurrency, Path cache) {
        AwsCredentialsIdentity identity = credentials(clients);
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("AWS_ACCESS_KEY_ID", identity.accessKeyId());
        credentials.put("AWS_SECRET_ACCESS_KEY", identity.secretAccessKey());
        if (identity instanceof AwsSessionCredentialsIdentity session) {
            credentials.put("AWS_SESSION_TOKEN", session.sessionToken());
        }
        return new HostSettings(clients.region().id(), clients.target().endpoint(), credentials, concurrency, cache);
    }

    private static AwsCredentialsIdentity credentials(Clients clients) {
        try {
            return clients.dynamo().serviceClientConfiguration().credentialsProvider().resolveIdentity().join();
        } catch (CompletionException e) {
            // no credentials is the SDK's own exception, which the error handler puts in words
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
