package dev.switchboard.settingsapp;

import dev.switchboard.Heartbeat;
import dev.switchboard.InstanceFactory;
import dev.switchboard.Metrics;
import dev.switchboard.OverflowAction;
import dev.switchboard.SendQueueLimits;
import dev.switchboard.ServerSettings;
import dev.switchboard.WarSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Every server-wide setting, none at its default. */
public class AppSettings implements WarSettings {

    /** The one browser origin allowed. */
    public static final String ORIGIN = "https://app.example";
    public static final int MAX_MESSAGE_BYTES = 1000;
    public static final int MAX_SESSIONS = 3;
    public static final Duration HEARTBEAT = Duration.ofSeconds(1);
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);
    /** What the factory gives the route it makes with a constructor argument. */
    public static final String MADE_BY = "made by the app's factory";

    /** Instances the factory released. */
    static final AtomicInteger RELEASED = new AtomicInteger();
    /** Where the app's metrics go. */
    static final MeterRegistry METERS = new SimpleMeterRegistry();

    @Override
    public ServerSettings settings() {
        return ServerSettings.builder()
                .allowedOrigins(ORIGIN)
                .maxMessageSize(MAX_MESSAGE_BYTES)
                .maxSessions(MAX_SESSIONS)
                .heartbeat(Heartbeat.every(HEARTBEAT))
                .idleTimeout(IDLE_TIMEOUT)
                .sendQueueLimits(new SendQueueLimits(8, 1 << 20, OverflowAction.CLOSE_SESSION))
                .shutdownTimeout(SHUTDOWN_TIMEOUT)
                .instanceFactory(new Factory())
                .metrics(Metrics.micrometer(METERS))
                .build();
    }

    /** Makes {@link MadeRoute} with its constructor argument, others with their own constructor; counts releases. */
    static final class Factory implements InstanceFactory {

        @Override
        public Object create(Class<?> routeClass) {
            if (routeClass == MadeRoute.class) {
                return new MadeRoute(MADE_BY);
            }
            try {
                return routeClass.getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void release(Object instance) {
            RELEASED.incrementAndGet();
        }
    }
}
