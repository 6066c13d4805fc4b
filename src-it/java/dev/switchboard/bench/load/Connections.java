package dev.switchboard.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Opening and closing a round's connections, within deadlines, on the one shared {@link NioClient}. */
public final class Connections {

    /** Handshakes pending at once: a thousand at once would only queue in the server's accept backlog. */
    static final int OPEN_CONCURRENCY = 50;
    private static final Duration OPEN_ALL_TIMEOUT = Duration.ofSeconds(60);
    /** Time for the server to answer the close frames: this, plus a second per thousand connections. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private Connections() {
    }

    /**
     * Opens a connection for each listener, {@link #OPEN_CONCURRENCY} handshakes pending at most.
     *
     * @param problems where a failed handshake is counted
     * @return the connections that opened, their sockets attached, in the given order
     * @throws IllegalStateException if none opened
     */
    public static <C extends BenchConnection> List<C> open(NioClient client, URI uri, List<C> connections,
                                                           LoadEvents events, List<String> problems) {
        long deadline = System.nanoTime() + OPEN_ALL_TIMEOUT.toNanos();
        Semaphore pending = new Semaphore(OPEN_CONCURRENCY);
        List<CompletableFuture<NioSocket>> handshakes = new ArrayList<>();
        try {
            for (C connection : connections) {
                if (!pending.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    handshakes.add(CompletableFuture.failedFuture(new TimeoutException("not started in time")));
                    continue;
                }
                CompletableFuture<NioSocket> handshake = client.open(uri, connection);
                handshake.whenComplete((ws, failure) -> pending.release());
                handshakes.add(handshake);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while connecting", e);
        }
        List<C> open = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < handshakes.size(); i++) {
            try {
                NioSocket socket = handshakes.get(i)
                        .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                connections.get(i).attach(socket);
                open.add(connections.get(i));
            } catch (ExecutionException | TimeoutException e) {
                failed++;
                events.problem("connection " + connections.get(i).id + ": handshake failed: "
                        + (e instanceof ExecutionException ? e.getCause() : "timed out"));
                handshakes.get(i).thenAccept(NioSocket::abort); // a late success must not linger
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while connecting", e);
            }
        }
        if (failed > 0) {
            problems.add(failed + " of " + connections.size() + " handshakes to " + uri + " failed");
        }
        if (open.isEmpty()) {
            throw new IllegalStateException("No connection to " + uri + " could be opened: " + events.details());
        }
        return open;
    }

    /** Closes every connection with a closing handshake, aborting those the server does not answer in time. */
    public static void closeAll(List<? extends BenchConnection> connections, List<String> problems) {
        for (BenchConnection connection : connections) {
            connection.close();
        }
        Duration timeout = CLOSE_TIMEOUT.plusMillis(connections.size());
        awaitAll(connections.stream().map(BenchConnection::closed).toList(), timeout);
        int unanswered = 0;
        for (BenchConnection connection : connections) {
            if (!connection.closed().isDone()) {
                unanswered++;
                connection.abort();
            }
        }
        if (unanswered > 0) {
            problems.add(unanswered + " connections got no close reply within " + timeout.toSeconds() + " s");
        }
    }

    /** Completes once every one of the connections has closed. */
    public static CompletableFuture<Void> allClosed(List<? extends BenchConnection> connections) {
        return CompletableFuture.allOf(connections.stream().map(BenchConnection::closed)
                .toArray(CompletableFuture[]::new));
    }

    /** Waits until the deadline, or less if every connection has closed; a timed wait, not a synchronisation. */
    public static void awaitUnlessAllClosed(CompletableFuture<Void> allClosed, long deadlineNanos) {
        try {
            allClosed.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // The usual case: the connections are still up.
        } catch (ExecutionException e) {
            // A connection's failure is counted by its listener.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during the load", e);
        }
    }

    /** Waits for all the futures, at most the timeout; whoever is not done is the caller's to count. */
    public static void awaitAll(List<? extends CompletableFuture<?>> futures, Duration timeout) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Counted by the caller.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
