package dev.dynctl.model;

import java.util.List;

/**
 * An API's CORS: {@code cors: true} is every origin, the methods its routes use, and the headers
 * Content-Type, Authorization, X-Amz-Date, X-Api-Key and X-Amz-Security-Token.
 *
 * @param maxAgeSeconds null for the browser's default
 */
public record ApiCors(List<String> origins, List<String> methods, List<String> headers, Integer maxAgeSeconds,
                      boolean credentials) {
    public ApiCors {
        origins = List.copyOf(origins);
        methods = List.copyOf(methods);
        headers = List.copyOf(headers);
    }
}
