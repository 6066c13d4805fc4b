package dev.switchboard.metrics;

import dev.switchboard.runtime.RouteState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * A route's gauges: its open sessions and what their outbound queues hold, summed over every engine that serves
 * the route with these meters, and read only when the registry is read, so they cost the sessions nothing. They
 * are registered while an engine serves the route and removed when the last one stops, so that a stopped server
 * or an undeployed application leaves no gauge behind that holds on to its sessions or its classes.
 */
final class RouteGauges {

    private final MeterRegistry registry;
    private final Tags route;
    private final Set<RouteState> states = ConcurrentHashMap.newKeySet();
    /** The gauges while registered; guarded by this. */
    private List<Gauge> registered = List.of();

    RouteGauges(MeterRegistry registry, Tags route) {
        this.registry = registry;
        this.route = route;
    }

    /** An engine began to serve the route: the gauges count its sessions too. */
    synchronized void add(RouteState state) {
        states.add(state);
        if (registered.isEmpty()) {
            registered = List.of(
                    gauge(MeterNames.SESSIONS_OPEN, "Sessions open", RouteState::openSessions, null),
                    gauge(MeterNames.SEND_QUEUE_MESSAGES, "Messages, pings and closes in the sessions' outbound "
                            + "queues, those being written included", RouteState::queuedMessages, null),
                    gauge(MeterNames.SEND_QUEUE_BYTES, "Bytes in the sessions' outbound queues, not yet handed to "
                            + "the socket", RouteState::queuedBytes, MeterNames.BYTES));
        }
    }

    /** An engine stopped serving the route; once none does, the gauges go. */
    synchronized void remove(RouteState state) {
        states.remove(state);
        if (states.isEmpty()) {
            registered.forEach(registry::remove);
            registered = List.of();
        }
    }

    private Gauge gauge(String name, String description, ToLongFunction<RouteState> reading, String baseUnit) {
        return Gauge.builder(name, states, serving -> sum(serving, reading))
                .description(description)
                .tags(route)
                .baseUnit(baseUnit)
                .strongReference(true) // removed explicitly, with the last engine
                .register(registry);
    }

    private static double sum(Set<RouteState> states, ToLongFunction<RouteState> reading) {
        long sum = 0;
        for (RouteState state : states) {
            sum += reading.applyAsLong(state);
        }
        return sum;
    }
}
