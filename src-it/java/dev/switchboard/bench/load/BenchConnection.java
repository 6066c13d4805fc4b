package dev.switchboard.bench.load;

import java.util.concurrent.CompletableFuture;

/**
 * What every load-generating connection shares: whole text messages handed to {@link #received}, the closing
 * handshake, and the accounting of errors and closes the server started.
 *
 * <p>Its {@link NioSocket} calls {@link #textArrived}, {@link #closeArrived} and {@link #failed} on the client's
 * selector thread, one at a time, so {@link #received} of one connection never runs concurrently with itself.
 */
public abstract class BenchConnection {

    /** The close code of a connection the benchmark is done with. */
    private static final int NORMAL_CLOSURE = 1000;

    final int id;
    final LoadEvents events;

    /** Completed when the connection has closed, in whatever way. */
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile NioSocket socket;
    private volatile boolean closing;

    BenchConnection(int id, LoadEvents events) {
        this.id = id;
        this.events = events;
    }

    /** A whole text message, with the time it arrived. */
    abstract void received(String text, long receivedNanos);

    /** A ping from the server, already answered with its pong, with the time it arrived. */
    void pinged(long receivedNanos) {
    }

    /** The connection ended, closed or failed; nothing more will be received. */
    void ended() {
    }

    /** Sets the socket once its handshake succeeded. */
    void attach(NioSocket openSocket) {
        socket = openSocket;
    }

    public NioSocket socket() {
        return socket;
    }

    /** Starts the closing handshake; {@link #closed()} completes when the server answers it. */
    void close() {
        closing = true;
        NioSocket ws = socket;
        if (ws == null || ws.isOutputClosed()) {
            closed.complete(null);
            return;
        }
        ws.sendClose(NORMAL_CLOSURE, "benchmark done").whenComplete((done, failure) -> {
            if (failure != null) {
                closed.complete(null);
            }
        });
    }

    /** Drops the TCP connection without a closing handshake, for a connection that did not close in time. */
    void abort() {
        closing = true;
        NioSocket ws = socket;
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

    // ---- the socket's events, one at a time

    /** A whole text message. */
    final void textArrived(String text) {
        received(text, System.nanoTime());
    }

    /** A ping; the socket answers it, so for most loads it is nothing to count. */
    final void pingArrived() {
        pinged(System.nanoTime());
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
}
