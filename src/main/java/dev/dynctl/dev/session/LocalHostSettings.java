package dev.dynctl.dev.session;

import dev.dynctl.aws.Clients;
import dev.dynctl.dev.HostSettings;
import java.nio.file.Path;
import java.util.Map;

/**
 * The host's settings for an engine: functions reach the engine dynctl itself talks to, in its
 * region, always with dummy credentials. Never the caller's own: with {@code --endpoint-url} those
 * come from the AWS chain, and a function whose SDK ignores AWS_ENDPOINT_URL would act on the real
 * account with them. A local engine (moto, LocalStack) takes any key.
 */
public final class LocalHostSettings {
    /** The key the local engine's own clients send too. */
    static final Map<String, String> DUMMY_CREDENTIALS = Map.of("AWS_ACCESS_KEY_ID", Clients.LOCAL_CREDENTIALS.accessKeyId(),
            "AWS_SECRET_ACCESS_KEY", Clients.LOCAL_CREDENTIALS.secretAccessKey());

    private LocalHostSettings() {
    }

    /** @param cache see {@link HostSettings#cache()} */
    public static HostSettings of(Clients clients, int concurrency, Path cache) {
        return new HostSettings(clients.region().id(), clients.target().endpoint(), DUMMY_CREDENTIALS, concurrency, cache);
    }
}
