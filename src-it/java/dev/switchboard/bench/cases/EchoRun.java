package dev.switchboard.bench.cases;

import dev.switchboard.bench.load.Connections;
import dev.switchboard.bench.load.EchoConnection;
import dev.switchboard.bench.load.EchoTexts;
import dev.switchboard.bench.load.LatencyHistogram;
import dev.switchboard.bench.load.LoadEvents;
import dev.switchboard.bench.load.MeasuredWindow;
import dev.switchboard.bench.load.NioClient;
import dev.switchboard.bench.report.Round;
import dev.switchboard.bench.server.Target;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.switchboard.bench.load.Connections.awaitUnlessAllClosed;

/**
 * One round of echo load against one target: opens the connections, runs the warm-up and the measurement
 * window, then drains and closes every connection, all within fixed deadlines. Every echo is checked.
 */
final class EchoRun {

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The load of a round.
     *
     * @param connections   connections
     * @param window        messages in flight per connection
     * @param texts         what each message is
     * @param warmupMillis  warm-up, before measuring
     * @param measureMillis measurement window
     */
    record Load(int connections, int window, EchoTexts texts, long warmupMillis, long measureMillis) {

        /** The load as the report's rows name it. */
        String describe() {
            return String.format(Locale.ROOT, "%,d conn x %d in flight, %s", connections, window, texts.describe());
        }
    }

    /**
     * What a round measured.
     *
     * @param messagesPerSecond echoes received per second of the measurement window
     * @param p50Micros         median round trip
     * @param p99Micros         99th percentile round trip
     * @param maxMicros         slowest round trip
     * @param minSecondRate     echoes in the slowest whole second of the window: near zero means a stall
     * @param minConnectionRate echoes per second of the slowest connection: near zero means one was starved
     */
    record Figures(double messagesPerSecond, double p50Micros, double p99Micros, double maxMicros,
                   long minSecondRate, double minConnectionRate) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,.0f msg/s, p50 %,.0f us, p99 %,.0f us, max %,.0f us, slowest"
                            + " second %,d msg, slowest connection %,.0f msg/s", messagesPerSecond, p50Micros,
                    p99Micros, maxMicros, minSecondRate, minConnectionRate);
        }
    }

    private final Target target;
    private final URI echo;
    private final NioClient client;
    private final Load load;
    private final LoadEvents events = new LoadEvents();
    private final List<String> problems = new ArrayList<>();

    /**
     * @param target the target, whose server's CPU the round measures
     * @param echo   where on it the echo is
     */
    EchoRun(Target target, URI echo, NioClient client, Load load) {
        this.target = target;
        this.echo = echo;
        this.client = client;
        this.load = load;
    }

    Round<Figures> run() {
        List<EchoConnection> connections = open();
        Round<Figures> measured;
        try {
            CompletableFuture<Void> allClosed = Connections.allClosed(connections);
            long warmupEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(load.warmupMillis());
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
        for (int i = 0; i < load.connections(); i++) {
            connections.add(new EchoConnection(i, load.window(), load.texts(), events));
        }
        List<EchoConnection> open = Connections.open(client, echo, connections, events, problems);
        // Only once all are open, so every connection loads the server for the whole warm-up.
        open.forEach(EchoConnection::start);
        return open;
    }

    private Round<Figures> measure(List<EchoConnection> connections, CompletableFuture<Void> allClosed) {
        MeasuredWindow window = MeasuredWindow.measure(connections, events, allClosed, target.host()::cpu,
                load.measureMillis());
        if (allClosed.isDone()) {
            problems.add("every connection closed during the measurement");
        }
        LatencyHistogram roundTrips = window.latencies();
        if (roundTrips.count() == 0) {
            problems.add("no echo at all during the measurement");
        }
        Figures figures = new Figures(window.perSecond(roundTrips.count()), window.percentileMicros(50),
                window.percentileMicros(99), roundTrips.maxNanos() / 1e3, window.slowestSecond(),
                window.perSecond(window.slowestConnection()));
        return new Round<>(target.name(), figures, window.generator(), window.server(), List.of());
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
