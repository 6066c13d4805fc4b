package dev.switchboard.metrics;

import dev.switchboard.CloseCause;
import dev.switchboard.OverflowAction;
import dev.switchboard.runtime.RouteEvents;
import dev.switchboard.runtime.RouteState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One route's meters on one registry, tagged with the route's path template, made once when a server first serves
 * the route, so that an event costs a meter's update and no registry lookup. Shared by every server that serves
 * the route with the same registry.
 */
final class RouteMeters implements RouteEvents {

    private final Counter opened;
    private final TaggedCounters<CloseCause> closed;
    private final DistributionSummary textReceived;
    private final DistributionSummary binaryReceived;
    private final DistributionSummary textSent;
    private final DistributionSummary binarySent;
    private final Timer writeToFlush;
    private final TaggedCounters<OverflowAction> dropped;
    private final TaggedCounters<Integer> refused;
    private final Counter heartbeatTimeouts;
    private final RouteGauges gauges;

    RouteMeters(MeterRegistry registry, String template) {
        Tags route = Tags.of(MeterNames.ROUTE, template);
        opened = Counter.builder(MeterNames.SESSIONS_OPENED).description("Sessions opened")
                .tags(route).register(registry);
        closed = new TaggedCounters<>(registry, MeterNames.SESSIONS_CLOSED, "Sessions closed, by cause", route,
                MeterNames.CAUSE, RouteMeters::lowerCase);
        textReceived = messages(registry, MeterNames.MESSAGES_RECEIVED, "Whole messages received, by payload size",
                route, "text");
        binaryReceived = messages(registry, MeterNames.MESSAGES_RECEIVED, "Whole messages received, by payload size",
                route, "binary");
        textSent = messages(registry, MeterNames.MESSAGES_SENT, "Messages handed to the socket, by payload size",
                route, "text");
        binarySent = messages(registry, MeterNames.MESSAGES_SENT, "Messages handed to the socket, by payload size",
                route, "binary");
        writeToFlush = Timer.builder(MeterNames.WRITE_FLUSH)
                .description("Time from a message's write to the message handed to the socket, its wait in the "
                        + "outbound queue included")
                .tags(route).register(registry);
        dropped = new TaggedCounters<>(registry, MeterNames.MESSAGES_DROPPED, "Messages dropped because a session's "
                + "outbound queue was full, by the route's overflow action", route, MeterNames.ACTION,
                RouteMeters::lowerCase);
        refused = new TaggedCounters<>(registry, MeterNames.HANDSHAKES_REFUSED, "Upgrade requests refused before "
                + "they became sessions, by HTTP status", route, MeterNames.STATUS, String::valueOf);
        heartbeatTimeouts = Counter.builder(MeterNames.HEARTBEAT_TIMEOUTS)
                .description("Sessions closed because no pong answered a heartbeat ping in time")
                .tags(route).register(registry);
        gauges = new RouteGauges(registry, route);
    }

    private static DistributionSummary messages(MeterRegistry registry, String name, String description, Tags route,
                                                String type) {
        return DistributionSummary.builder(name).description(description).baseUnit(MeterNames.BYTES)
                .tags(route).tag(MeterNames.TYPE, type).register(registry);
    }

    private static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** An engine began to serve the route. */
    void serving(RouteState state) {
        gauges.add(state);
    }

    /** An engine stopped serving the route. */
    void stoppedServing(RouteState state) {
        gauges.remove(state);
    }

    @Override
    public void sessionOpened() {
        opened.increment();
    }

    @Override
    public void sessionClosed(CloseCause cause) {
        closed.increment(cause, 1);
    }

    @Override
    public void received(boolean text, long bytes) {
        (text ? textReceived : binaryReceived).record(bytes);
    }

    @Override
    public void sent(boolean text, long bytes, long nanosSinceWrite) {
        (text ? textSent : binarySent).record(bytes);
        writeToFlush.record(nanosSinceWrite, TimeUnit.NANOSECONDS);
    }

    @Override
    public void dropped(OverflowAction action, int messages) {
        dropped.increment(action, messages);
    }

    @Override
    public void handshakeRefused(int status) {
        refused.increment(status, 1);
    }

    @Override
    public void heartbeatTimedOut() {
        heartbeatTimeouts.increment();
    }
}
