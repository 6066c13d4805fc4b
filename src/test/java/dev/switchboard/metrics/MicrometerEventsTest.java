package dev.switchboard.metrics;

import dev.switchboard.CloseCause;
import dev.switchboard.OverflowAction;
import dev.switchboard.runtime.EngineEvents;
import dev.switchboard.runtime.RouteEvents;
import dev.switchboard.runtime.RouteState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * What only the registry shows, without a server: meters shared per registry and route, gauges that sum every
 * engine serving a route and go with the last, and tagged counters made on first use. MetricsIT checks the
 * meters after real traffic.
 */
class MicrometerEventsTest {

    private static final String ROUTE = "/chat/{room}";

    private final MeterRegistry registry = new SimpleMeterRegistry();

    /** A route's sessions on one engine, as fixed numbers. */
    private record FixedState(int openSessions, long queuedMessages, long queuedBytes) implements RouteState {
    }

    @Test
    void oneRegistryHasOneSetOfEventsWhoseRoutesShareTheirMeters() {
        EngineEvents events = MicrometerEvents.of(registry);
        assertSame(events, MicrometerEvents.of(registry));
        assertNotSame(events, MicrometerEvents.of(new SimpleMeterRegistry()));

        RouteEvents first = events.serving(ROUTE, new FixedState(0, 0, 0));
        RouteEvents second = MicrometerEvents.of(registry).serving(ROUTE, new FixedState(0, 0, 0));
        first.sessionOpened();
        second.sessionOpened();

        assertSame(first, second);
        assertEquals(2, registry.get(MeterNames.SESSIONS_OPENED).tag("route", ROUTE).counter().count());
    }

    @Test
    void gaugesSumEveryEngineServingTheRouteAndGoWithTheLast() {
        EngineEvents events = MicrometerEvents.of(registry);
        FixedState one = new FixedState(2, 3, 300);
        FixedState other = new FixedState(1, 1, 10);
        events.serving(ROUTE, one);
        events.serving(ROUTE, other);

        assertEquals(3, gauge(MeterNames.SESSIONS_OPEN));
        assertEquals(4, gauge(MeterNames.SEND_QUEUE_MESSAGES));
        assertEquals(310, gauge(MeterNames.SEND_QUEUE_BYTES));

        events.stoppedServing(ROUTE, one);
        assertEquals(1, gauge(MeterNames.SESSIONS_OPEN));

        events.stoppedServing(ROUTE, other);
        assertNull(registry.find(MeterNames.SESSIONS_OPEN).gauge(), "no gauge holds on to a stopped server");
        assertNull(registry.find(MeterNames.SEND_QUEUE_BYTES).gauge());

        events.serving(ROUTE, one);
        assertEquals(2, gauge(MeterNames.SESSIONS_OPEN), "a server serving the route again has its gauges back");
    }

    @Test
    void countersTaggedByCauseActionOrStatusAppearWhenTheyFirstCount() {
        RouteEvents route = MicrometerEvents.of(registry).serving(ROUTE, new FixedState(0, 0, 0));
        assertNull(registry.find(MeterNames.SESSIONS_CLOSED).counter());

        route.sessionClosed(CloseCause.CLIENT_CLOSED);
        route.sessionClosed(CloseCause.CLIENT_CLOSED);
        route.dropped(OverflowAction.DROP_OLDEST, 3);
        route.handshakeRefused(403);

        assertEquals(2, registry.get(MeterNames.SESSIONS_CLOSED).tags("route", ROUTE, "cause", "client_closed")
                .counter().count());
        assertEquals(1, registry.find(MeterNames.SESSIONS_CLOSED).counters().size());
        assertEquals(3, registry.get(MeterNames.MESSAGES_DROPPED).tags("route", ROUTE, "action", "drop_oldest")
                .counter().count());
        assertEquals(1, registry.get(MeterNames.HANDSHAKES_REFUSED).tags("route", ROUTE, "status", "403")
                .counter().count());
    }

    private double gauge(String name) {
        return registry.get(name).tag("route", ROUTE).gauge().value();
    }
}
