package dev.dynctl.deploy;

/**
 * Where a deployed API answers.
 *
 * @param api the API's real name
 * @param type rest, http or websocket
 * @param url the stage's invoke URL (https://ID.execute-api.REGION.amazonaws.com/STAGE, wss:// for WebSocket)
 */
public record ApiEndpoint(String api, String type, String url) {
}
