package dev.switchboard.client;

import dev.switchboard.CloseStatus;
import dev.switchboard.runtime.ClientLink;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * Hands what the JDK's {@link WebSocket} receives to the connection's {@link ClientLink}, one message part at a
 * time, asking for the next once the session took it. The link exists only once the handshake completed, so the
 * listener waits for it in {@link #onOpen}.
 */
final class JdkListener implements WebSocket.Listener {

    private final BiConsumer<JdkListener, WebSocket> opened;
    private volatile ClientLink link;
    /** Completes when the connection ended, with the code it ended with (1006 without a close frame). */
    private final CompletableFuture<Integer> ended = new CompletableFuture<>();

    /** @param opened makes the connection's link, and hands it back through {@link #link(ClientLink)} */
    JdkListener(BiConsumer<JdkListener, WebSocket> opened) {
        this.opened = opened;
    }

    void link(ClientLink link) {
        this.link = link;
    }

    /** Whether the JDK client saw the connection end: a close frame came, or the connection failed. */
    boolean ended() {
        return ended.isDone();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        opened.accept(this, webSocket);
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        link.text(data, last);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        link.binary(data, last);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        webSocket.request(1); // the JDK client answers it with a pong by itself
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        link.pong(message);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        ended.complete(statusCode);
        link.closed(statusCode, reason);
        return null; // the JDK client answers the close at once, and then closes TCP
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        ended.complete(CloseStatus.ABNORMAL);
        ClientLink current = link;
        if (current != null) {
            current.failed(error);
            current.closed(CloseStatus.ABNORMAL, "connection lost: " + error);
        }
    }
}
