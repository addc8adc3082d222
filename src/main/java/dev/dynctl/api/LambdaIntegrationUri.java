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

    /** The function's name from its ARN (…:function:NAME or …:function:NAME:ALIAS). */
    static String functionName(String functionArn) {
        return functionArn.substring(functionArn.indexOf(":function:") + ":function:".length());
    }
}
