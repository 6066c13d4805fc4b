package dev.switchboard.runtime;


import java.util.function.Function;

/**
 * How an engine finds the {@link EngineEvents} behind the API's {@code Metrics}, which keeps them out of its public
 * methods (the JDK's own "shared secrets" pattern): {@code Metrics} hands its reader over as its class is
 * initialized, so the reader is here before any {@code Metrics} exists. Typed {@code Object} here so that this
 * class does not refer back to {@code Metrics}, which refers to it.
 */
public final class MetricsAccess {

    private static volatile Function<Object, EngineEvents> reader;

    private MetricsAccess() {
    }

    /**
     * Takes the reader of the events behind a {@code Metrics}; only {@code Metrics} calls it, once.
     *
     * @param metricsReader the reader
     */
    public static void readWith(Function<Object, EngineEvents> metricsReader) {
        reader = metricsReader;
    }

    /** The events behind the metrics a server was given. */
    static EngineEvents eventsOf(Object metrics) {
        return reader.apply(metrics);
    }
}
