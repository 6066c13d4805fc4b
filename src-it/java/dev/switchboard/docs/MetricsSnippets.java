package dev.switchboard.docs;

import dev.switchboard.Metrics;
import dev.switchboard.ServerSettings;
import dev.switchboard.Switchboard;
import dev.switchboard.example.ChatRoute;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Metrics as docs/operations.md shows them. {@code DocsExamplesIT} runs {@link #serverWithMetrics(MeterRegistry)}.
 */
public final class MetricsSnippets {

    private MetricsSnippets() {
    }

    /** A server on a free port of 127.0.0.1 that reports to the registry, started. */
    public static Switchboard serverWithMetrics(MeterRegistry registry) {
        // tag::standalone[]
        Switchboard server = Switchboard.builder()
                .host("127.0.0.1").port(0)
                .route(ChatRoute.class)
                .metrics(Metrics.micrometer(registry))  // the application's registry, e.g. a PrometheusMeterRegistry
                .build()
                .start();
        // end::standalone[]
        return server;
    }

    /** The same setting in settings for any host. */
    static ServerSettings settings(MeterRegistry registry) {
        // tag::settings[]
        ServerSettings settings = ServerSettings.builder()
                .metrics(Metrics.micrometer(registry))
                .build();
        // end::settings[]
        return settings;
    }
}
