package dev.switchboard;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ServerSettingsTest {

    @Test
    void theDefaultsAreThoseTheBuildersDocument() {
        ServerSettings defaults = ServerSettings.defaults();
        assertSame(SendQueueLimits.DEFAULT, defaults.sendQueueLimits());
        assertSame(Heartbeat.DEFAULT, defaults.heartbeat());
        assertEquals(Duration.ZERO, defaults.idleTimeout());
        assertEquals(16L << 20, defaults.maxMessageBytes());
        assertEquals(List.of(), defaults.allowedOrigins());
        assertEquals(0, defaults.maxSessions());
        assertEquals(Duration.ofSeconds(10), defaults.shutdownTimeout());
    }

    @Test
    void settingsMadeOnceAreTakenWholeByAnotherBuilderAndChangedThereOneByOne() {
        Heartbeat heartbeat = Heartbeat.every(Duration.ofSeconds(5));
        ServerSettings shared = ServerSettings.builder().heartbeat(heartbeat).idleTimeout(Duration.ofMinutes(2))
                .maxMessageSize(1024).allowedOrigins("https://example.com").maxSessions(7)
                .shutdownTimeout(Duration.ofSeconds(3)).build();

        ServerSettings copied = ServerSettings.builder().settings(shared).maxSessions(8).build();

        assertSame(heartbeat, copied.heartbeat());
        assertEquals(Duration.ofMinutes(2), copied.idleTimeout());
        assertEquals(1024, copied.maxMessageBytes());
        assertEquals(List.of("https://example.com"), copied.allowedOrigins());
        assertEquals(8, copied.maxSessions());
        assertEquals(7, shared.maxSessions(), "settings are immutable");
        assertEquals(Duration.ofSeconds(3), copied.shutdownTimeout());
    }

    @Test
    void settersRefuseWhatCannotBe() {
        ServerSettings.Builder builder = ServerSettings.builder();
        assertThrows(IllegalArgumentException.class, () -> builder.idleTimeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> builder.maxSessions(-1));
        assertThrows(IllegalArgumentException.class, () -> builder.maxMessageSize(0));
        assertThrows(IllegalArgumentException.class, () -> builder.shutdownTimeout(Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> builder.heartbeat(null));
    }

    @Test
    void metricsAreNoneUnlessSetAndTravelWithTheSettings() {
        assertSame(Metrics.NONE, ServerSettings.defaults().metrics());
        Metrics metrics = Metrics.micrometer(new SimpleMeterRegistry());
        ServerSettings shared = ServerSettings.builder().metrics(metrics).build();

        assertSame(metrics, ServerSettings.builder().settings(shared).build().metrics());
        assertSame(metrics, Switchboard.builder().settings(shared).toSettings().metrics());
        assertThrows(NullPointerException.class, () -> ServerSettings.builder().metrics(null));
    }
}
