package dev.dynctl.model;

import dev.dynctl.model.yaml.YamlScalar;
import java.util.List;

/**
 * An API's {@code cors:} as written, defaults filled in: origins and headers are text a stage
 * resolves ({@code ${env:ORIGIN}}).
 *
 * @param maxAgeSeconds null for the browser's default
 * @param credentials the {@code credentials:} value; null when not given (false)
 */
record ProjectCors(List<YamlScalar> origins, List<String> methods, List<YamlScalar> headers, Integer maxAgeSeconds,
                   YamlScalar credentials) {
    ProjectCors {
        origins = List.copyOf(origins);
        methods = List.copyOf(methods);
        headers = List.copyOf(headers);
    }

    boolean allowsCredentials() {
        return credentials != null && credentials.asBoolean("credentials");
    }
}
