package dev.dynctl.deploy;

import dev.dynctl.model.ApiCors;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import software.amazon.awssdk.services.apigatewayv2.model.Cors;

/**
 * An HTTP API's CORS as API Gateway answers preflights and adds the headers itself. Compared as
 * sets (header names in any case, methods in capitals), so the order the file or AWS keeps them
 * in is no change.
 */
final class HttpCors {
    private HttpCors() {
    }

    static Cors of(ApiCors cors) {
        return Cors.builder().allowOrigins(cors.origins()).allowMethods(cors.methods()).allowHeaders(cors.headers())
                .maxAge(cors.maxAgeSeconds()).allowCredentials(cors.credentials()).build();
    }

    /** True when both say the same (both none included). */
    static boolean same(Cors wanted, Cors existing) {
        return Objects.equals(normal(wanted), normal(existing));
    }

    /** How the plan shows it: "origins *; methods GET, POST; headers content-type; max age 600; credentials". */
    static String describe(Cors cors) {
        if (cors == null) {
            return null;
        }
        Normal normal = normal(cors);
        return "origins " + String.join(", ", normal.origins()) + "; methods " + String.join(", ", normal.methods())
                + "; headers " + String.join(", ", normal.headers())
                + (normal.maxAge() == null ? "" : "; max age " + normal.maxAge()) + (normal.credentials() ? "; credentials" : "");
    }

    private record Normal(TreeSet<String> origins, TreeSet<String> methods, TreeSet<String> headers, Integer maxAge,
                          boolean credentials) {
    }

    private static Normal normal(Cors cors) {
        if (cors == null) {
            return null;
        }
        return new Normal(set(cors.allowOrigins(), Function.identity()), set(cors.allowMethods(), m -> m.toUpperCase(Locale.ROOT)),
                set(cors.allowHeaders(), h -> h.toLowerCase(Locale.ROOT)), cors.maxAge(), Boolean.TRUE.equals(cors.allowCredentials()));
    }

    private static TreeSet<String> set(List<String> values, Function<String, String> normal) {
        TreeSet<String> set = new TreeSet<>();
        if (values != null) {
            values.forEach(value -> set.add(normal.apply(value)));
        }
        return set;
    }
}
