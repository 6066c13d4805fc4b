package dev.switchboard.bench.load;

/**
 * A load-generating connection that records latencies during a measurement window: an echo connection its
 * round trips, a subscriber its delivery times. The recording is guarded by this object's monitor, which the
 * subclasses take for their own state too.
 */
public abstract class MeasuredConnection extends BenchConnection {

    /**
     * What one connection recorded during a measurement window.
     *
     * @param histogram its latencies
     * @param messages  how many it recorded
     */
    record Measurement(LatencyHistogram histogram, long messages) {
    }

    private LatencyHistogram histogram;
    private long measured;

    MeasuredConnection(int id, LoadEvents events) {
        super(id, events);
    }

    /** Starts recording into a fresh histogram. */
    final synchronized void beginMeasurement() {
        histogram = new LatencyHistogram();
        measured = 0;
    }

    /** Stops recording; returns what was recorded since {@link #beginMeasurement()}. */
    final synchronized Measurement endMeasurement() {
        Measurement result = new Measurement(histogram != null ? histogram : new LatencyHistogram(), measured);
        histogram = null;
        return result;
    }

    /** Records one latency, if a measurement is on. */
    final synchronized void record(long nanos) {
        if (histogram != null) {
            histogram.record(nanos);
            measured++;
        }
    }
}
