package dev.switchboard.bench.load;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static dev.switchboard.bench.load.Connections.awaitUnlessAllClosed;

/**
 * What a load round measured over its measurement window: the connections' latencies merged, the messages of the
 * slowest connection and of the slowest whole second, and the CPU that generator and server used meanwhile.
 *
 * @param latencies         every connection's latencies
 * @param slowestConnection the messages the slowest connection recorded: near zero means one was starved
 * @param slowestSecond     the messages received in the slowest whole second: near zero means a stall
 * @param seconds           the window's length
 * @param generator         the load generator's CPU use
 * @param server            the server's CPU use
 */
public record MeasuredWindow(LatencyHistogram latencies, long slowestConnection, long slowestSecond, double seconds,
                             CpuMeter.Usage generator, CpuMeter.Usage server) {

    private static final long SAMPLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    /**
     * Measures while the load runs, for the given time or until every connection closed.
     *
     * @param connections the connections that record latencies
     * @param events      the run's events, whose received messages are sampled every whole second
     * @param allClosed   completes when every connection of the round closed
     * @param serverCpu   the server's CPU times now
     * @param millis      the window's length
     */
    public static MeasuredWindow measure(List<? extends MeasuredConnection> connections, LoadEvents events,
                                         CompletableFuture<Void> allClosed, Supplier<CpuMeter.Snapshot> serverCpu,
                                         long millis) {
        CpuMeter.Snapshot generatorBefore = CpuMeter.thisProcess();
        CpuMeter.Snapshot serverBefore = serverCpu.get();
        connections.forEach(MeasuredConnection::beginMeasurement);
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(millis);

        // Whole seconds of the window, sampled to reveal stalls that the averages would hide.
        long slowestSecond = Long.MAX_VALUE;
        long sampleStart = start;
        long atSample = events.receivedCount();
        while (sampleStart + SAMPLE_NANOS <= end && !allClosed.isDone()) {
            awaitUnlessAllClosed(allClosed, sampleStart + SAMPLE_NANOS);
            long now = events.receivedCount();
            slowestSecond = Math.min(slowestSecond, now - atSample);
            atSample = now;
            sampleStart += SAMPLE_NANOS;
        }
        awaitUnlessAllClosed(allClosed, end);

        LatencyHistogram merged = new LatencyHistogram();
        long slowestConnection = Long.MAX_VALUE;
        for (MeasuredConnection connection : connections) {
            MeasuredConnection.Measurement measurement = connection.endMeasurement();
            merged.add(measurement.histogram());
            slowestConnection = Math.min(slowestConnection, measurement.messages());
        }
        long elapsed = System.nanoTime() - start;
        return new MeasuredWindow(merged, slowestConnection,
                slowestSecond == Long.MAX_VALUE ? merged.count() : slowestSecond, elapsed / 1e9,
                generatorBefore.until(CpuMeter.thisProcess(), elapsed), serverBefore.until(serverCpu.get(), elapsed));
    }

    /** A count over the window, per second. */
    public double perSecond(long count) {
        return count / seconds;
    }

    /** A percentile of the latencies, in microseconds. */
    public double percentileMicros(double percentile) {
        return latencies.percentileNanos(percentile) / 1e3;
    }
}
