package dev.dynctl.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The URIs by which API Gateway integrations name a Lambda function, and the way back to the function. */
final class LambdaIntegrationUri {
    private static final Pattern INVOCATIONS = Pattern.compile("arn:[^:]+:apigateway:[^:]+:lambda:path/[^/]+/functions/(.+)/invocations");

    private LambdaIntegrationUri() {
    }

    /** The invocations URI REST and WebSocket integrations (and HTTP ones, optionally) use, in the function's partition. */
    static String invocations(String region, String functionArn) {
        return "arn:" + ArnPartition.of(functionArn) + ":apigateway:" + region + ":lambda:path/2015-03-31/functions/" + functionArn + "/invocations";
    }

    /** The function an integration URI calls: from an invocations URI, or the URI itself when it is a function ARN (HTTP APIs); else null. */
    static String functionArn(String uri) {
        if (uri == null) {
            return null;
        }
        Matcher invocations = INVOCATIONS.matcher(uri);
        if (invocations.matches()) {
            return invocations.group(1);
        }
        return uri.matches("arn:[^:]+:lambda:[^:]+:\\d{12}:function:.+") ? uri : null;
    }

    /**
     * The ARN a route calls: the function's unqualified ARN with the version or alias the user typed
     * after it, or none. Lambda answers an alias with the version it points at now; a route built on
     * that would stay on the version when the alias moves.
     *
     * @param functionArn the function's ARN as Lambda gave it, with or without a qualifier
     * @param qualifier the version or alias the user named, or null
     */
    static String qualified(String functionArn, String qualifier) {
        String[] parts = functionArn.split(":");
        String unqualified = String.join(":", java.util.Arrays.copyOf(parts, Math.min(parts.length, 7)));
        // $LATEST is what the unqualified ARN calls anyway
        return qualifier == null || qualifier.equals("$LATEST") ? unqualified : unqualified + ":" + qualifier;
    }

    /** The function's name from its ARN (…:function:NAME or …:function:NAME:ALIAS). */
    static String functionName(String functionArn) {
        return functionArn.substring(functionArn.indexOf(":function:") + ":function:".length());
    }
}
