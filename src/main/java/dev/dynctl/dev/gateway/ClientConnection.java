package dev.dynctl.dev.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One client's WebSocket connection, from a $connect that let it in to its close. Hands what the
 * client sends to its API and sends what functions answer or post back. Public only because Jetty
 * calls a listener's methods through a public lookup; nothing outside the gateway makes one.
 */
public final class ClientConnection implements Session.Listener.AutoDemanding {
    private static final long SEND_SECONDS = 10;

    private final ConnectionInfo info;
    private final WebSocketApi api;
    private final Object sending = new Object();
    /** Completed with the session when Jetty opens it, which may be after the client has its 101 (see WebSocketApi#connect). */
    private final CompletableFuture<Session> session = new CompletableFuture<>();
    private volatile Instant lastActiveAt;

    ClientConnection(ConnectionInfo info, WebSocketApi api) {
        this.info = info;
        this.api = api;
        this.lastActiveAt = info.connectedAt();
    }

    ConnectionInfo info() {
        return info;
    }

    String id() {
        return info.connectionId();
    }

    Instant lastActiveAt() {
        return lastActiveAt;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        session.complete(opened);
    }

    /** An upgrade that failed after $connect let it in: the connection never opens, and is gone. */
    @Override
    public void onWebSocketError(Throwable cause) {
        if (!session.isDone()) {
            session.completeExceptionally(cause);
            api.closed(this, 1006, "The connection could not be opened");
        }
    }

    @Override
    public void onWebSocketText(String message) {
        lastActiveAt = Instant.now();
        api.received(this, message.getBytes(StandardCharsets.UTF_8), false);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] message = new byte[payload.remaining()];
        payload.get(message);
        callback.succeed();
        lastActiveAt = Instant.now();
        api.received(this, message, true);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        callback.succeed();
        api.closed(this, statusCode, reason);
    }

    /**
     * Sends a message and waits until it is written, one at a time so that answers keep their
     * order; false when the connection is closing or gone.
     */
    boolean send(byte[] message, boolean binary) {
        Session open = opened();
        if (open == null || !open.isOpen()) {
            return false;
        }
        synchronized (sending) {
            CompletableFuture<Void> sent = new CompletableFuture<>();
            Callback done = Callback.from(() -> sent.complete(null), sent::completeExceptionally);
            if (binary) {
                open.sendBinary(ByteBuffer.wrap(message), done);
            } else {
                open.sendText(new String(message, StandardCharsets.UTF_8), done);
            }
            try {
                sent.get(SEND_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | TimeoutException e) {
                return false;
            }
        }
        lastActiveAt = Instant.now();
        return true;
    }

    /** Closes the connection as the Management API's DeleteConnection does; $disconnect follows. */
    void close() {
        Session open = opened();
        if (open != null) {
            open.close(1000, "Connection deleted", Callback.NOOP);
        }
    }

    /** The session, once Jetty has opened it (a few seconds at most); null when it did not open. */
    private Session opened() {
        try {
            return session.get(SEND_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }
}
