package dev.switchboard.bench.load;

import java.util.concurrent.CompletableFuture;

/**
 * An idle connection that notes when it opened and when the server's first heartbeat ping arrived (the socket
 * answers every ping with its pong). Anything else it receives is a mismatch, as on an {@link IdleConnection}.
 */
public final class HeartbeatConnection extends BenchConnection {

    /** When the 101 arrived; 0 until then. Written once on the selector thread. */
    private volatile long openedNanos;
    /** Completes with the arrival time of the first ping. */
    private final CompletableFuture<Long> firstPing = new CompletableFuture<>();

    public HeartbeatConnection(int id, LoadEvents events) {
        super(id, events);
    }

    /** When the handshake completed at this end, by {@link System#nanoTime()}. */
    public long openedNanos() {
        return openedNanos;
    }

    /** Completes with the time, by {@link System#nanoTime()}, the first ping arrived. */
    public CompletableFuture<Long> firstPing() {
        return firstPing;
    }

    /** The socket attaches itself when the 101 arrives, and the opening round again later: the first counts. */
    @Override
    void attach(NioSocket openSocket) {
        if (openedNanos == 0) {
            openedNanos = System.nanoTime();
        }
        super.attach(openSocket);
    }

    @Override
    void pinged(long receivedNanos) {
        firstPing.complete(receivedNanos);
    }

    @Override
    void received(String text, long receivedNanos) {
        events.mismatch(id, "a message on an idle connection: " + abbreviate(text));
    }
}
