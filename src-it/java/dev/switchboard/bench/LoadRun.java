package dev.switchboard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One round against one target: opens the connections, runs the warm-up and the measurement window, then
 * drains and closes every connection, all within fixed deadlines.
 */
final class LoadRun {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final long SAMPLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String target;
    private final URI uri;
    private final HttpClient client;
    private final EchoBenchmark.Settings settings;
    private final ServerProcess server;
    private final LoadEvents events = new LoadEvents();
    private final List<String> problems = new ArrayList<>();

    LoadRun(String target, URI uri, HttpClient client, EchoBenchmark.Settings settings, ServerProcess server) {
        this.target = target;
        this.uri = uri;
        this.client = client;
        this.settings = settings;
        this.server = server;
    }

    RoundResult run() {
        List<EchoConnection> connections = open();
        RoundResult measured;
        try {
            CompletableFuture<Void> allClosed = CompletableFuture.allOf(
                    connections.stream().map(EchoConnection::closed).toArray(CompletableFuture[]::new));
            long warmupEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.warmupMillis());
            awaitUnlessAllClosed(allClosed, warmupEnd);
            measured = measure(connections, allClosed);
        } finally {
            // Also after a failure: no connection of this round may load the next one.
            drain(connections);
            close(connections);
        }
        // Lost echoes and unanswered closes only show after the window, so they are judged here.
        return measured.withProblems(problems);
    }

    private List<EchoConnection> open() {
        List<EchoConnection> connections = new ArrayList<>();
        List<CompletableFuture<WebSocket>> handshakes = new ArrayList<>();
        for (int i = 0; i < settings.connections(); i++) {
            EchoConnection connection = new EchoConnection(i, settings.window(), settings.messageSize(), events);
            connections.add(connection);
            handshakes.add(client.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT).buildAsync(uri, connection));
        }
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        List<EchoConnection> open = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < handshakes.size(); i++) {
            try {
                sockets.add(handshakes.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                open.add(connections.get(i));
            } catch (ExecutionException | TimeoutException e) {
                failed++;
                events.problem("connection " + i + ": handshake failed: "
                        + (e instanceof ExecutionException ? e.getCause() : "timed out"));
                handshakes.get(i).thenAccept(WebSocket::abort); // a late success must not linger
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while connecting", e);
            }
        }
        if (failed > 0) {
            problems.add(failed + " of " + settings.connections() + " handshakes failed");
        }
        if (open.isEmpty()) {
            throw new IllegalStateException("No connection to " + uri + " could be opened: " + events.details());
        }
        // Only once all are open, so every connection loads the server for the whole warm-up.
        for (int i = 0; i < open.size(); i++) {
            open.get(i).start(sockets.get(i));
        }
        return open;
    }

    private RoundResult measure(List<EchoConnection> connections, CompletableFuture<Void> allClosed) {
        CpuMeter.Snapshot generatorCpu = CpuMeter.thisProcess();
        CpuMeter.Snapshot serverCpu = server.cpu();
        for (EchoConnection connection : connections) {
            connection.beginMeasurement();
        }
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(settings.measureMillis());

        // Whole seconds of the window, sampled to reveal stalls that the averages would hide.
        long minSecondRate = Long.MAX_VALUE;
        long sampleStart = start;
        long echoesAtSample = events.echoes();
        while (sampleStart + SAMPLE_NANOS <= end && !allClosed.isDone()) {
            awaitUnlessAllClosed(allClosed, sampleStart + SAMPLE_NANOS);
            long echoes = events.echoes();
            minSecondRate = Math.min(minSecondRate, echoes - echoesAtSample);
            echoesAtSample = echoes;
            sampleStart += SAMPLE_NANOS;
        }
        awaitUnlessAllClosed(allClosed, end);

        LatencyHistogram merged = new LatencyHistogram();
        long slowestConnection = Long.MAX_VALUE;
        for (EchoConnection connection : connections) {
            EchoConnection.Measurement measurement = connection.endMeasurement();
            merged.add(measurement.histogram());
            slowestConnection = Math.min(slowestConnection, measurement.echoes());
        }
        long elapsed = System.nanoTime() - start;
        CpuMeter.Usage generator = generatorCpu.until(CpuMeter.thisProcess(), elapsed);
        CpuMeter.Usage serverUse = serverCpu.until(server.cpu(), elapsed);

        if (allClosed.isDone()) {
            problems.add("every connection closed during the measurement");
        }
        if (merged.count() == 0) {
            problems.add("no echo at all during the measurement");
        }
        double seconds = elapsed / 1e9;
        return new RoundResult(target, merged.count() / seconds,
                merged.percentileNanos(50) / 1e3, merged.percentileNanos(99) / 1e3, merged.maxNanos() / 1e3,
                minSecondRate == Long.MAX_VALUE ? merged.count() : minSecondRate,
                slowestConnection / seconds,
                generator, serverUse, List.of());
    }

    /** Lets the outstanding messages come back, so what is counted as lost really was. */
    private void drain(List<EchoConnection> connections) {
        for (EchoConnection connection : connections) {
            connection.stop();
        }
        awaitAll(connections.stream().map(EchoConnection::drained).toList(), DRAIN_TIMEOUT);
        int stalled = 0;
        long lost = 0;
        for (EchoConnection connection : connections) {
            if (!connection.drained().isDone()) {
                stalled++;
                lost += connection.outstanding();
            }
        }
        if (stalled > 0) {
            problems.add(stalled + " connections still waited for " + lost + " echoes "
                    + DRAIN_TIMEOUT.toSeconds() + " s after the load stopped");
        }
    }

    private void close(List<EchoConnection> connections) {
        for (EchoConnection connection : connections) {
            connection.close();
        }
        awaitAll(connections.stream().map(EchoConnection::closed).toList(), CLOSE_TIMEOUT);
        int unanswered = 0;
        for (EchoConnection connection : connections) {
            if (!connection.closed().isDone()) {
                unanswered++;
                connection.abort();
            }
        }
        if (unanswered > 0) {
            problems.add(unanswered + " connections got no close reply within " + CLOSE_TIMEOUT.toSeconds() + " s");
        }
        if (events.mismatches() > 0) {
            problems.add(events.mismatches() + " echoes differed from what was sent");
        }
        if (events.lost() > 0) {
            problems.add(events.lost() + " messages got no echo while later ones did");
        }
        if (events.errors() > 0) {
            problems.add(events.errors() + " connection errors");
        }
        if (events.unexpectedCloses() > 0) {
            problems.add(events.unexpectedCloses() + " connections closed by the server during the load");
        }
        if (!problems.isEmpty()) {
            problems.addAll(events.details());
        }
    }

    /** Waits until the deadline, or less if every connection has closed; a timed wait, not a synchronisation. */
    private static void awaitUnlessAllClosed(CompletableFuture<Void> allClosed, long deadline) {
        try {
            allClosed.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // The usual case: the connections are still up.
        } catch (ExecutionException e) {
            // A connection's failure is counted by its listener.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during the load", e);
        }
    }

    private static void awaitAll(List<CompletableFuture<Void>> futures, Duration timeout) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Whoever is not done yet is counted by the caller.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
