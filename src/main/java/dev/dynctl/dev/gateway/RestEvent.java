package dev.dynctl.dev.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.dev.host.LambdaEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The Lambda proxy event (payload 1.0) a REST API sends. Bodies are text: a REST API reads a body
 * as binary only for its binary media types, which dynctl does not set, so a deployed API hands
 * functions UTF-8 text too.
 */
final class RestEvent {
    private RestEvent() {
    }

    static ObjectNode of(ServedApi api, IncomingRequest request, RouteMatch match, String requestId) {
        List<Header> headers = ForwardedHeaders.of(request, api.port());
        Map<String, List<String>> query = QueryString.parse(request.rawQuery());
        ObjectNode event = Payloads.object();
        event.put("resource", match.resource());
        event.put("path", request.path());
        event.put("httpMethod", request.method());
        putHeaders(event, headers);
        putQuery(event, query);
        if (match.pathParameters().isEmpty()) {
            event.putNull("pathParameters");
        } else {
            ObjectNode parameters = event.putObject("pathParameters");
            match.pathParameters().forEach(parameters::put);
        }
        event.putNull("stageVariables");
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", LambdaEnvironment.LOCAL_ACCOUNT);
        context.put("apiId", api.apiId());
        context.put("domainName", api.domainName());
        context.put("domainPrefix", "localhost");
        context.put("extendedRequestId", requestId);
        context.put("httpMethod", request.method());
        putIdentity(context, request);
        // the path as the deployed URL has it, stage first; the event's own path has no stage
        context.put("path", "/" + api.stage() + request.path());
        context.put("protocol", request.protocol());
        context.put("requestId", requestId);
        context.put("requestTime", EventTime.text(request.received()));
        context.put("requestTimeEpoch", request.received().toEpochMilli());
        context.put("resourceId", FakeIds.apiId(match.routeKey()).substring(0, 6));
        context.put("resourcePath", match.resource());
        context.put("stage", api.stage());
        if (request.body().length == 0) {
            event.putNull("body");
        } else {
            event.put("body", new String(request.body(), StandardCharsets.UTF_8));
        }
        event.put("isBase64Encoded", false);
        return event;
    }

    /** {@code headers} (the last value of a repeated one) and {@code multiValueHeaders} (all of them), names as sent. */
    static void putHeaders(ObjectNode event, List<Header> headers) {
        ObjectNode single = event.putObject("headers");
        ObjectNode multi = event.putObject("multiValueHeaders");
        for (Header header : headers) {
            single.put(header.name(), header.value());
            ArrayNode values = multi.has(header.name()) ? (ArrayNode) multi.get(header.name()) : multi.putArray(header.name());
            values.add(header.value());
        }
    }

    /** {@code queryStringParameters} (the last value) and {@code multiValueQueryStringParameters}; null when there is none. */
    static void putQuery(ObjectNode event, Map<String, List<String>> query) {
        if (query.isEmpty()) {
            event.putNull("queryStringParameters");
            event.putNull("multiValueQueryStringParameters");
            return;
        }
        ObjectNode single = event.putObject("queryStringParameters");
        ObjectNode multi = event.putObject("multiValueQueryStringParameters");
        query.forEach((name, values) -> {
            single.put(name, values.get(values.size() - 1));
            values.forEach(multi.putArray(name)::add);
        });
    }

    /** Who called, as far as an API without IAM or Cognito checks knows: address and user agent. */
    static void putIdentity(ObjectNode context, IncomingRequest request) {
        ObjectNode identity = context.putObject("identity");
        for (String unknown : List.of("cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller", "accessKey")) {
            identity.putNull(unknown);
        }
        identity.put("sourceIp", request.sourceIp());
        for (String unknown : List.of("principalOrgId", "cognitoAuthenticationType", "cognitoAuthenticationProvider", "userArn")) {
            identity.putNull(unknown);
        }
        identity.put("userAgent", request.userAgent());
        identity.putNull("user");
    }
}
