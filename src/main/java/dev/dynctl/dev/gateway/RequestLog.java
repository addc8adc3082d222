package dev.dynctl.dev.gateway;

/**
 * The gateway's one line per request: "GET /items/42 200 12 ms items", "WS list 200 3 ms items";
 * the function is left out when none was called (a 404, a preflight).
 */
final class RequestLog {
    private RequestLog() {
    }

    static String http(String method, String path, int status, long startNanos, String function) {
        return line(method + " " + path, status, startNanos, function);
    }

    static String webSocket(String routeKey, int status, long startNanos, String function) {
        return line("WS " + routeKey, status, startNanos, function);
    }

    private static String line(String what, int status, long startNanos, String function) {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        return what + " " + status + " " + millis + " ms" + (function == null ? "" : " " + function);
    }
}
