package dev.switchboard.bench;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What every load-generating connection shares: reading without back-pressure, whole text messages handed
 * to {@link #received}, the closing handshake, and the accounting of errors and closes the server started.
 *
 * <p>It listens to either client: the JDK's (as a {@link WebSocket.Listener}) or {@link NioClient} (which
 * calls {@link #textArrived}, {@link #closeArrived} and {@link #failed} itself). Both call a connection's
 * listener methods one at a time, so {@link #received} of one connection never runs concurrently with itself.
 */
abstract class BenchConnection implements WebSocket.Listener {

    final int id;
    final LoadEvents events;

    /** Completed when the connection has closed, in whatever way. */
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile BenchSocket socket;
    private volatile boolean closing;
    /** The fragments of a text message received so far; only the listener touches it. */
    private StringBuilder partial;

    BenchConnection(int id, LoadEvents events) {
        this.id = id;
        this.events = events;
    }

    /** A whole text message, with the time its last fragment arrived. */
    abstract void received(String text, long receivedNanos);

    /** The connection ended, closed or failed; nothing more will be received. */
    void ended() {
    }

    /** Sets the socket its handshake returned (the listener's {@code onOpen} may come later). */
    void attach(BenchSocket openSocket) {
        socket = openSocket;
    }

    BenchSocket socket() {
        return socket;
    }

    /** Starts the closing handshake; {@link #closed()} completes when the server answers it. */
    void close() {
        closing = true;
        BenchSocket ws = socket;
        if (ws == null || ws.isOutputClosed()) {
            closed.complete(null);
            return;
        }
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "benchmark done").whenComplete((done, failure) -> {
            if (failure != null) {
                closed.complete(null);
            }
        });
    }

    /** Drops the TCP connection without a closing handshake, for a connection that did not close in time. */
    void abort() {
        closing = true;
        BenchSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        closed.complete(null);
    }

    CompletableFuture<Void> closed() {
        return closed;
    }

    /** A message short enough for a report line. */
    static String abbreviate(String text) {
        return text.length() <= 40 ? "'" + text + "'"
                : "'" + text.substring(0, 40) + "...' (" + text.length() + " chars)";
    }

    // ---- the events of either client, one at a time

    /** A text frame's data; {@code last} marks the end of the message. */
    final void textArrived(CharSequence data, boolean last) {
        if (!last || partial != null) {
            if (partial == null) {
                partial = new StringBuilder(data.length() * 2);
            }
            partial.append(data);
            if (!last) {
                return;
            }
        }
        long now = System.nanoTime();
        String text = partial != null ? partial.toString() : data.toString();
        partial = null;
        received(text, now);
    }

    final void binaryArrived() {
        events.mismatch(id, "a binary message where only text was sent");
    }

    /** The server's close frame, or the answer to ours. */
    final void closeArrived(int statusCode, String reason) {
        if (!closing) {
            events.unexpectedClose(id, statusCode, reason);
        }
        ended();
        closed.complete(null);
    }

    final void failed(Throwable error) {
        events.error(id, error);
        ended();
        closed.complete(null);
    }

    // ---- WebSocket.Listener, called one at a time by the JDK client

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = BenchSocket.of(webSocket);
        // No back-pressure from the client: the benchmarks bound what the server sends by their own windows.
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        textArrived(data, last);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        if (last) {
            binaryArrived();
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeArrived(statusCode, reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        failed(error);
    }
}
