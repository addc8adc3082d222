package dev.dynctl.dev;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * How the local host runs every function.
 *
 * @param region AWS_REGION and AWS_DEFAULT_REGION of the functions
 * @param engine where the functions' AWS SDKs send requests (AWS_ENDPOINT_URL); null for AWS itself
 * @param credentials the AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN the functions get
 *                    (the local engine's dummy ones for the local engine); never printed
 * @param concurrency at most this many instances of one function at once
 * @param cache where the host keeps what runtimes need between runs (e.g. the AWS SDK for Node.js
 *              that Lambda's Node runtime provides), under the local engine's home
 */
public record HostSettings(String region, URI engine, Map<String, String> credentials, int concurrency, Path cache) {
    public HostSettings {
        credentials = Map.copyOf(credentials);
    }

    @Override
    public String toString() {
        return "HostSettings[region=" + region + ", engine=" + engine + ", concurrency=" + concurrency + ", cache=" + cache + "]";
    }
}
