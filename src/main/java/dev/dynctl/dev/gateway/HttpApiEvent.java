package dev.dynctl.dev.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.dev.host.LambdaEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The event (payload 2.0) an HTTP API sends: header names in lower case with repeated values
 * joined by commas, cookies apart, query values joined by commas, fields left out when empty.
 */
final class HttpApiEvent {
    private HttpApiEvent() {
    }

    static ObjectNode of(ServedApi api, IncomingRequest request, RouteMatch match, String requestId) {
        ObjectNode event = Payloads.object();
        event.put("version", "2.0");
        event.put("routeKey", match.routeKey());
        // an HTTP API on a named stage (deploy makes one per stage) puts the stage in front of the path, as its URL has it
        String stagedPath = "/" + api.stage() + request.rawPath();
        event.put("rawPath", stagedPath);
        event.put("rawQueryString", request.rawQuery());
        List<String> cookies = cookies(request.headers());
        if (!cookies.isEmpty()) {
            cookies.forEach(event.putArray("cookies")::add);
        }
        ObjectNode headers = event.putObject("headers");
        joinedHeaders(ForwardedHeaders.of(request, api.port())).forEach(headers::put);
        Map<String, List<String>> query = QueryString.parse(request.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach((name, values) -> parameters.put(name, String.join(",", values)));
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", LambdaEnvironment.LOCAL_ACCOUNT);
        context.put("apiId", api.apiId());
        context.put("domainName", api.domainName());
        context.put("domainPrefix", "localhost");
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", stagedPath);
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.userAgent());
        context.put("requestId", requestId);
        context.put("routeKey", match.routeKey());
        context.put("stage", api.stage());
        context.put("time", EventTime.text(request.received()));
        context.put("timeEpoch", request.received().toEpochMilli());
        if (request.body().length > 0) {
            boolean text = BodyEncoding.isText(request.header("Content-Type"));
            event.put("body", text ? new String(request.body(), StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(request.body()));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        if (!match.pathParameters().isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            match.pathParameters().forEach(parameters::put);
        }
        return event;
    }

    /** The Cookie headers' cookies, one "name=value" each. */
    static List<String> cookies(List<Header> headers) {
        List<String> cookies = new ArrayList<>();
        for (Header header : headers) {
            if (header.named("Cookie")) {
                for (String cookie : header.value().split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.trim());
                    }
                }
            }
        }
        return cookies;
    }

    /** Lower-case names, repeated values joined by ',', cookies left out (they have their own field). */
    private static Map<String, String> joinedHeaders(List<Header> headers) {
        Map<String, String> joined = new LinkedHashMap<>();
        for (Header header : headers) {
            if (!header.named("Cookie")) {
                joined.merge(header.name().toLowerCase(Locale.ROOT), header.value(), (a, b) -> a + "," + b);
            }
        }
        return joined;
    }
}
