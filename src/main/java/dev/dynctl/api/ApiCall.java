package dev.dynctl.api;

import dev.dynctl.aws.Clients;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Calls a stage of an API over HTTP as a client of the API would: to the stage's invoke URL (or
 * the emulator's form of it, or a base URL of the user's), signed with SigV4 when the route the
 * request lands on uses IAM authorization or the user asks for it.
 */
public final class ApiCall {
    /** Headers the HTTP client sets itself and refuses from callers; the signer's Host is the URL's host, so nothing is lost. */
    private static final Set<String> CLIENT_OWNED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private final Clients clients;
    private final ApiStages stages;

    public ApiCall(Clients clients) {
        this.clients = clients;
        this.stages = new ApiStages(clients.apiGateway(), clients.apiGatewayV2(), clients.region().id());
    }

    /**
     * Refuses a --base-url that cannot be called: without a scheme (http or https) and a host there
     * is nowhere to send the request.
     */
    public static void checkBaseUrl(URI baseUrl) {
        if (baseUrl == null) {
            return;
        }
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
            throw DynctlException.usage("--base-url '" + baseUrl + "' is not a URL to call: it needs a scheme (http or https) and a host.",
                    "Pass the whole URL, e.g. --base-url https://api.example.com or --base-url http://localhost:3000.");
        }
    }

    /**
     * Sends the request and returns the answer, whatever its status.
     *
     * @param stage the stage; null means $default for an HTTP API and is refused for a REST API
     * @param sign true or false to sign or not; null to sign when the route uses IAM authorization
     * @param baseUrl where to send instead of the stage's URL (a custom domain, a local server); null for the stage's
     */
    public HttpExchange call(ApiRef api, String stage, ApiCallRequest request, Boolean sign, URI baseUrl) {
        if (api.type() == ApiType.WEBSOCKET) {
            throw DynctlException.usage("API '" + api.name() + "' is a WebSocket API: it is called over a WebSocket connection, not one HTTP request.",
                    "Connect with a WebSocket client, e.g. wscat -c " + InvokeUrl.stage(api.type(), stages.base(api), stage == null ? "STAGE" : stage));
        }
        String stageName = requireStage(api, stage);
        Optional<ApiCallRoute> route = sign == null || sign ? ApiCallRoute.find(clients.apiGateway(), clients.apiGatewayV2(), api,
                request.method(), request.path()) : Optional.empty();
        boolean signed = sign != null ? sign : route.map(ApiCallRoute::iam).orElse(false);
        URI url = url(api, stageName, request, baseUrl);
        List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers());
        if (request.body().length > 0 && !request.hasHeader("Content-Type") && HttpExchange.json(request.body()) != null) {
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        Map<String, List<String>> sent = signed ? signer().sign(url, request.method(), headers, request.body()) : grouped(headers);
        HttpResponse<byte[]> response = send(url, request, sent, baseUrl != null);
        List<Map.Entry<String, String>> answered = new ArrayList<>();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                values.forEach(value -> answered.add(Map.entry(name.toLowerCase(Locale.ROOT), value)));
            }
        });
        return new HttpExchange(request.method(), url, signed, route.map(ApiCallRoute::key).orElse(null), response.statusCode(),
                answered, response.body());
    }

    /** The stage by its name, checked to exist; an HTTP API without --stage is called on $default. */
    private String requireStage(ApiRef api, String stage) {
        if (stage == null && api.type() == ApiType.HTTP) {
            return InvokeUrl.DEFAULT_STAGE;
        }
        if (stage == null) {
            List<String> names = stages.stages(api).stream().map(ApiStage::name).toList();
            throw DynctlException.usage("Name the stage of REST API '" + api.name() + "' to call with --stage.", names.isEmpty()
                    ? "It has no stages yet: deploy it with 'dynctl api deploy " + api.name() + " --stage STAGE'."
                    : "Its stages: " + String.join(", ", names) + ".");
        }
        return stages.callableStage(api, stage).name();
    }

    private URI url(ApiRef api, String stage, ApiCallRequest request, URI baseUrl) {
        try {
            if (baseUrl != null) {
                return InvokeUrl.under(baseUrl, request.path(), request.query());
            }
            if (clients.target().local()) {
                throw DynctlException.usage("The local engine keeps APIs but does not run them: there is no URL that answers for API '"
                        + api.name() + "' there.", "Pass --base-url with the URL of a server that runs the API.");
            }
            URI endpoint = clients.target().endpoint();
            return endpoint != null ? InvokeUrl.onEndpoint(endpoint, api, stage, request.path(), request.query())
                    : InvokeUrl.under(URI.create(InvokeUrl.stage(api.type(), stages.base(api), stage)), request.path(), request.query());
        } catch (IllegalArgumentException e) {
            throw DynctlException.usage("The path '" + request.path() + "' does not make a URL: " + e.getMessage() + ".",
                    "Percent-encode spaces and other reserved characters in the path, e.g. %20.");
        }
    }

    private ApiCallSigner signer() {
        return new ApiCallSigner(clients.apiGateway().serviceClientConfiguration().credentialsProvider(), clients.region().id());
    }

    private static Map<String, List<String>> grouped(List<Map.Entry<String, String>> headers) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        headers.forEach(header -> grouped.computeIfAbsent(header.getKey(), name -> new ArrayList<>()).add(header.getValue()));
        return grouped;
    }

    /** @param toBaseUrl the URL is under the user's --base-url, not the stage's own */
    private static HttpResponse<byte[]> send(URI url, ApiCallRequest request, Map<String, List<String>> headers, boolean toBaseUrl) {
        HttpRequest.Builder http = HttpRequest.newBuilder(url).timeout(ANSWER_TIMEOUT)
                .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        headers.forEach((name, values) -> {
            if (!CLIENT_OWNED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> http.header(name, value));
            }
        });
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            return client.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new DynctlException(ExitCode.THROTTLED, request.method() + " " + url + " did not answer in time (" + e.getMessage() + ").",
                    "Check that the stage is deployed and its integration answers; a Lambda function's timeout shows as 504 instead.", e);
        } catch (ConnectException e) {
            throw new DynctlException(ExitCode.FAILURE, "Could not connect to " + url + ".", toBaseUrl
                    ? "Nothing is listening at " + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                            + ": start the server that runs the API there, or check the host and port of --base-url."
                    : "Check the URL's host and port; with --endpoint-url or --local, pass --base-url to call a server that runs the API.", e);
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE, "Calling " + url + " failed: " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DynctlException(ExitCode.INTERRUPTED, "Interrupted while calling " + url + ".", null, e);
        }
    }
}
