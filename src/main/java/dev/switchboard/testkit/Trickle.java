package dev.switchboard.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An upgrade request sent one byte at a time with a pause after each, as a slowloris client does, while another
 * thread watches for the server to close the connection.
 */
public final class Trickle {

    /** How long the request lasts at the given pace at least, thanks to a filler header. */
    private static final Duration LASTS = Duration.ofSeconds(30);
    /** The filler's cap: well under the 16 KiB a standalone server takes in a request head. */
    private static final int MAX_FILLER = 8 * 1024;

    private Trickle() {
    }

    /**
     * What happened.
     *
     * @param closedByServer whether the server closed the connection before the request was complete
     * @param after          from the connection to the server's close, or to the end of the trickle
     * @param bytesSent      how many bytes of the request went out
     */
    public record Result(boolean closedByServer, Duration after, int bytesSent) {
    }

    /** Trickles an upgrade request for the path and query of a URI. */
    public static Result run(URI uri, Duration pause) throws IOException {
        if (pause.isNegative() || pause.isZero()) {
            throw new IllegalArgumentException("The pause must be positive, was " + pause);
        }
        long fillerLength = Math.min(MAX_FILLER, LASTS.toNanos() / pause.toNanos());
        byte[] request = Http.upgradeRequest(uri, Http.newKey(), Map.of("X-Trickle", "a".repeat((int) fillerLength)));
        long startedAt = System.nanoTime();
        try (Socket socket = Http.connect(uri, Duration.ofSeconds(10))) {
            socket.setSoTimeout(0);
            CompletableFuture<Long> closed = closedBy(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            int sent = 0;
            try {
                while (sent < request.length && !closed.isDone()) {
                    out.write(request[sent]);
                    out.flush();
                    sent++;
                    if (sent < request.length) {
                        awaitClose(closed, pause);
                    }
                }
            } catch (IOException cut) {
                // the server closed while a byte went out; the watcher sees it too
            }
            if (closed.isDone() || waitFor(closed, sent, request.length)) {
                return new Result(true, Duration.ofNanos(closed.join() - startedAt), sent);
            }
            return new Result(false, Duration.ofNanos(System.nanoTime() - startedAt), sent);
        }
    }

    /** Waits the pause, or less if the server closes meanwhile. */
    private static void awaitClose(CompletableFuture<Long> closed, Duration pause) throws IOException {
        try {
            closed.get(pause.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException stillOpen) {
            // the pause passed
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Trickling was interrupted", e);
        }
    }

    /** After a write that failed, the watcher's end of stream or reset comes moments later. */
    private static boolean waitFor(CompletableFuture<Long> closed, int sent, int length) {
        if (sent >= length) {
            return false;
        }
        try {
            closed.get(5, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Completes with the time the server closed the connection (end of stream or reset), reading what comes. */
    private static CompletableFuture<Long> closedBy(InputStream in) {
        CompletableFuture<Long> closed = new CompletableFuture<>();
        Thread watcher = new Thread(() -> {
            try {
                while (in.read() >= 0) {
                    // a response to a complete request, or a refusal: the close is what counts
                }
            } catch (IOException resetOrClosedHere) {
                // closed all the same
            }
            closed.complete(System.nanoTime());
        }, "switchboard-test-trickle-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return closed;
    }
}
