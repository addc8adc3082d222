package dev.dynctl.api;

import dev.dynctl.error.DynctlException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A route as users type it: {@code 'GET /items/{id}'}, {@code 'ANY /{proxy+}'}, {@code '$default'},
 * {@code '$connect'}, or a WebSocket action such as {@code sendMessage}. Knows the parts of the
 * execute-api ARN that scope a Lambda permission to exactly this route.
 *
 * @param method the HTTP method in capitals (ANY included); null for {@code $…} and WebSocket keys
 * @param path the resource path, starting with '/'; null when there is no method
 * @param text the key as API Gateway v2 stores it ("GET /items/{id}", "$connect", "sendMessage")
 */
public record RouteKey(String method, String path, String text) {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");
    private static final Set<String> SPECIAL = Set.of("$default", "$connect", "$disconnect");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~@:-]+");
    private static final Pattern PARAMETER = Pattern.compile("\\{[A-Za-z0-9._-]+\\+?}");
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String EXAMPLES = "Write the route as 'GET /items/{id}', 'ANY /{proxy+}' or '$default'"
            + " (WebSocket: '$connect', '$disconnect', '$default' or an action such as sendMessage).";

    /** Parses a route key; anything malformed is a usage error (exit 2) with examples. */
    public static RouteKey parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (SPECIAL.contains(trimmed)) {
            return new RouteKey(null, null, trimmed);
        }
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            // GET alone is an HTTP route missing its path; get alone is a WebSocket action (actions are lower-case by custom)
            if (METHODS.contains(trimmed)) {
                throw bad(text, "it has a method but no path");
            }
            if (trimmed.startsWith("$") || trimmed.startsWith("/") || !ACTION.matcher(trimmed).matches()) {
                throw bad(text, trimmed.startsWith("/") ? "it has a path but no method" : "it is neither 'METHOD /path' nor a route name");
            }
            return new RouteKey(null, null, trimmed);
        }
        String method = trimmed.substring(0, space).toUpperCase(Locale.ROOT);
        String path = trimmed.substring(space + 1).trim();
        if (!METHODS.contains(method)) {
            throw bad(text, "'" + trimmed.substring(0, space) + "' is not an HTTP method (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY)");
        }
        checkPath(text, path);
        return new RouteKey(method, path, method + " " + path);
    }

    private static void checkPath(String text, String path) {
        if (!path.startsWith("/")) {
            throw bad(text, "the path must start with '/'");
        }
        if (path.equals("/")) {
            return;
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty()) {
                throw bad(text, "the path has an empty segment (a doubled or trailing '/')");
            }
            boolean parameter = PARAMETER.matcher(segment).matches();
            if (!parameter && !LITERAL.matcher(segment).matches()) {
                throw bad(text, "the path segment '" + segment + "' is neither a word nor a {parameter}");
            }
            if (parameter && segment.endsWith("+}") && i < segments.length - 1) {
                throw bad(text, "a greedy parameter such as {proxy+} must be the last segment");
            }
        }
    }

    private static DynctlException bad(String text, String why) {
        return DynctlException.usage("The route '" + text + "' is malformed: " + why + ".", EXAMPLES);
    }

    /** True for 'METHOD /path' keys (REST and HTTP routes). */
    public boolean hasPath() {
        return method != null;
    }

    /** The path's segments ("items", "{id}"), none for the root path. */
    public java.util.List<String> segments() {
        return path == null || path.equals("/") ? java.util.List.of() : java.util.List.of(path.substring(1).split("/"));
    }

    /**
     * What follows "{apiId}/{stage}/" in the execute-api ARN that invokes this route: "GET/items/*"
     * (path parameters as '*', ANY as '*', as SAM writes them), or the key itself ("$connect").
     */
    public String sourceArnPart() {
        if (!hasPath()) {
            return text;
        }
        String arnMethod = method.equals("ANY") ? "*" : method;
        StringBuilder arnPath = new StringBuilder();
        for (String segment : segments()) {
            arnPath.append('/').append(segment.startsWith("{") ? "*" : segment);
        }
        return arnMethod + (arnPath.length() == 0 ? "/" : arnPath.toString());
    }

    /**
     * The Lambda permission's statement id for this route on {@code apiId}: the same every time,
     * so a second add finds it, and different for every route (method and hashed path).
     */
    public String statementId(String apiId) {
        String word = hasPath() ? method : text.replaceAll("[^A-Za-z0-9_-]", "");
        if (word.length() > 40) {
            word = word.substring(0, 40);
        }
        return "dynctl-" + apiId + "-" + (word.isEmpty() ? "route" : word) + "-" + hash(text);
    }

    /** Eight hex digits of the SHA-256 of {@code text}: short, stable names derived from longer ones. */
    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
