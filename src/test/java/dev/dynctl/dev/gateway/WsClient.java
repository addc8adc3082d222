package dev.dynctl.dev.gateway;

import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client (the JDK's) that keeps what it receives for the test to wait for. */
final class WsClient implements WebSocket.Listener, AutoCloseable {
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static WsClient connect(URI url, Map<String, String> headers) throws Exception {
        WsClient client = new WsClient();
        WebSocket.Builder builder = Http.CLIENT.newWebSocketBuilder();
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(url, client).get(10, TimeUnit.SECONDS);
        return client;
    }

    /** The client's socket, to send on. */
    WebSocket socket() {
        return socket;
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next message received, waiting for it a few seconds. */
    String next() throws InterruptedException {
        String message = messages.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            fail("the client received no message");
        }
        return message;
    }

    /** The status code of the server's close, waiting for it a few seconds. */
    int awaitClose() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial = new StringBuilder();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            // the server may have closed first: then there is nothing left to say
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(closedAlready -> null).join();
        }
    }
}
