package dev.dynctl.api;

import dev.dynctl.error.DynctlException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may call a route: anyone, IAM-signed callers, or holders of a Cognito user pool's tokens.
 *
 * @param kind none, iam or cognito
 * @param userPoolArn the pool for cognito, else null
 * @param audiences the app client ids a token must be for (HTTP APIs' JWT authorizers), possibly none
 */
public record RouteAuth(Kind kind, String userPoolArn, List<String> audiences) {
    private static final Pattern POOL = Pattern.compile("arn:aws[a-z-]*:cognito-idp:([a-z0-9-]+):(\\d{12}):userpool/([\\w-]+_[0-9A-Za-z]+)");

    public enum Kind {
        NONE, IAM, COGNITO;

        /** The word users type and see. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public String toString() {
            return label();
        }
    }

    public static final RouteAuth NONE = new RouteAuth(Kind.NONE, null, List.of());

    /** Checks that cognito has a well-formed pool ARN and that nothing else has one (exit 2). */
    public static RouteAuth of(Kind kind, String userPoolArn, List<String> audiences) {
        List<String> clients = audiences == null ? List.of() : List.copyOf(audiences);
        if (kind != Kind.COGNITO) {
            if (userPoolArn != null || !clients.isEmpty()) {
                throw DynctlException.usage("--user-pool and --client-id go with --auth cognito.",
                        "Add --auth cognito, or leave them out.");
            }
            return new RouteAuth(kind, null, List.of());
        }
        if (userPoolArn == null) {
            throw DynctlException.usage("--auth cognito needs --user-pool ARN.",
                    "For example: --user-pool arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123");
        }
        if (!POOL.matcher(userPoolArn).matches()) {
            throw DynctlException.usage("'" + userPoolArn + "' is not a Cognito user pool ARN.",
                    "For example: arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123");
        }
        return new RouteAuth(kind, userPoolArn, clients);
    }

    /** The pool's id (us-east-1_AbC123). */
    public String poolId() {
        return pool().group(3);
    }

    /** The issuer of the pool's tokens, as a JWT authorizer checks it. */
    public String issuer() {
        Matcher pool = pool();
        return "https://cognito-idp." + pool.group(1) + ".amazonaws.com/" + pool.group(3);
    }

    /** The name dynctl gives the authorizer for this pool, so later routes reuse it. */
    public String authorizerName() {
        return "cognito-" + poolId();
    }

    private Matcher pool() {
        Matcher pool = POOL.matcher(userPoolArn);
        if (!pool.matches()) {
            throw new IllegalStateException("checked in of()");
        }
        return pool;
    }
}
