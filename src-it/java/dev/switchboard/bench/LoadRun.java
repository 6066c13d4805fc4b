package dev.switchboard.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.switchboard.bench.Connections.awaitUnlessAllClosed;

/**
 * One round of the echo benchmark against one target: opens the connections, runs the warm-up and the
 * measurement window, then drains and closes every connection, all within fixed deadlines.
 */
final class LoadRun {

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    private static final long SAMPLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String target;
    private final URI uri;
    private final NioClient client;
    private final EchoBenchmark.Settings settings;
    private final BenchHost server;
    private final LoadEvents events = new LoadEvents();
    private final List<String> problems = new ArrayList<>();

    LoadRun(String target, URI uri, NioClient client, EchoBenchmark.Settings settings, BenchHost server) {
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
            CompletableFuture<Void> allClosed = Connections.allClosed(connections);
            long warmupEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.warmupMillis());
            awaitUnlessAllClosed(allClosed, warmupEnd);
            measured = measure(connections, allClosed);
        } finally {
            // Also after a failure: no connection of this round may load the next one.
            drain(connections);
            Connections.closeAll(connections, problems);
            events.addProblems(problems, "messages got no echo while later ones did");
        }
        // Lost echoes and unanswered closes only show after the window, so they are judged here.
        return measured.withProblems(problems);
    }

    private List<EchoConnection> open() {
        List<EchoConnection> connections = new ArrayList<>();
        for (int i = 0; i < settings.connections(); i++) {
            connections.add(new EchoConnection(i, settings.window(), settings.messageSize(), events));
        }
        List<EchoConnection> open = Connections.open(client, uri, connections, events, problems);
        // Only once all are open, so every connection loads the server for the whole warm-up.
        open.forEach(EchoConnection::start);
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
        long echoesAtSample = events.receivedCount();
        while (sampleStart + SAMPLE_NANOS <= end && !allClosed.isDone()) {
            awaitUnlessAllClosed(allClosed, sampleStart + SAMPLE_NANOS);
            long echoes = events.receivedCount();
            minSecondRate = Math.min(minSecondRate, echoes - echoesAtSample);
            echoesAtSample = echoes;
            sampleStart += SAMPLE_NANOS;
        }
        awaitUnlessAllClosed(allClosed, end);

        LatencyHistogram merged = new LatencyHistogram();
        long slowestConnection = Long.MAX_VALUE;
        for (EchoConnection connection : connections) {
            Measurement measurement = connection.endMeasurement();
            merged.add(measurement.histogram());
            slowestConnection = Math.min(slowestConnection, measurement.messages());
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
        Connections.awaitAll(connections.stream().map(EchoConnection::drained).toList(), DRAIN_TIMEOUT);
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
}
