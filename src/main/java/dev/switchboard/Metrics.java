package dev.switchboard;

import dev.switchboard.metrics.MicrometerEvents;
import dev.switchboard.runtime.EngineEvents;
import dev.switchboard.runtime.MetricsAccess;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Objects;

/**
 * Where a server reports its metrics, set with {@link SettingsBuilder#metrics(Metrics)} on any host. Per route
 * (named by its path template, never by a session's path): sessions opened, open and closed by cause, messages and
 * bytes each way, drops by overflow action, refused handshakes by status, send-queue depth, heartbeat timeouts,
 * and the time from a write to the socket. docs/operations.md lists every meter with its tags.
 *
 * <p>Micrometer is an optional dependency: without {@link #micrometer(MeterRegistry)}, nothing of it is loaded,
 * and the server reports nowhere at no cost.
 */
public final class Metrics {

    /** No metrics, the default. */
    public static final Metrics NONE = new Metrics(EngineEvents.NONE, "none");

    static {
        MetricsAccess.readWith(metrics -> ((Metrics) metrics).events);
    }

    private final EngineEvents events;
    private final String description;

    private Metrics(EngineEvents events, String description) {
        this.events = events;
        this.description = description;
    }

    /**
     * Reports to a Micrometer registry, e.g. the application's Prometheus registry. Servers that report to the same
     * registry share its meters: a route that two of them serve has one set of meters, counting both.
     *
     * @param registry the registry to add the meters to
     * @return the metrics, for {@link SettingsBuilder#metrics(Metrics)}
     * @throws IllegalStateException if Micrometer is not on the class path; the message names the artifact to add
     */
    public static Metrics micrometer(MeterRegistry registry) {
        requireMicrometer();
        Objects.requireNonNull(registry, "registry");
        return new Metrics(MicrometerEvents.of(registry), "micrometer");
    }

    /** Micrometer is an optional dependency, so that applications without metrics do not carry it: say what to add. */
    private static void requireMicrometer() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, Metrics.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Metrics.micrometer(registry) needs Micrometer, which is not on the "
                    + "class path: add the dependency io.micrometer:micrometer-core (Switchboard is tested with "
                    + "1.17.2).", e);
        }
    }

    @Override
    public String toString() {
        return "Metrics[" + description + "]";
    }
}
