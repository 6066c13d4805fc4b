package dev.switchboard.runtime;

import dev.switchboard.Heartbeat;
import dev.switchboard.OverflowAction;
import dev.switchboard.SendQueueLimits;
import dev.switchboard.ServerSettings;
import dev.switchboard.binding.RouteBinding;
import dev.switchboard.binding.RouteOptions;

import java.time.Duration;

/**
 * What applies to one route: the server's settings with the route's own overrides.
 *
 * @param path            the route's path template
 * @param sendQueueLimits the outbound queue limits of its sessions
 * @param heartbeat       the heartbeat of its sessions
 * @param idleTimeout     the idle timeout of its sessions; zero for none
 * @param maxMessageBytes the largest message its sessions accept; a larger one closes with 1009
 * @param handlersOnIoThreads whether its handlers run on I/O threads shared with other connections
 * @param maxSessions     most sessions it has open at once; 0 for no limit of its own
 * @param codec           its codec of typed messages, found on first use
 * @param streams         how its handlers take messages they do not take whole
 */
record RouteSettings(String path, SendQueueLimits sendQueueLimits, Heartbeat heartbeat, Duration idleTimeout,
                     long maxMessageBytes, boolean handlersOnIoThreads, int maxSessions, RouteCodec codec,
                     StreamSettings streams) {

    /** A route whose handlers take whole messages, with the codec the class path offers. */
    RouteSettings(String path, SendQueueLimits sendQueueLimits, Heartbeat heartbeat, Duration idleTimeout,
                  long maxMessageBytes, boolean handlersOnIoThreads, int maxSessions) {
        this(path, sendQueueLimits, heartbeat, idleTimeout, maxMessageBytes, handlersOnIoThreads, maxSessions,
                new RouteCodec(path, null, null, RouteSettings.class.getClassLoader()), StreamSettings.WHOLE);
    }

    static RouteSettings of(RouteBinding binding, ServerSettings server, boolean handlersOnIoThreads) {
        RouteOptions route = binding.options();
        SendQueueLimits base = server.sendQueueLimits();
        SendQueueLimits limits = new SendQueueLimits(
                route.maxQueuedMessages() > 0 ? route.maxQueuedMessages() : base.maxMessages(),
                route.maxQueuedBytes() > 0 ? route.maxQueuedBytes() : base.maxBytes(),
                route.onOverflow() != OverflowAction.INHERIT ? route.onOverflow() : base.onOverflow(),
                route.sendTimeoutSeconds() >= 0 ? Duration.ofSeconds(route.sendTimeoutSeconds()) : base.sendTimeout());
        Heartbeat heartbeat = route.heartbeatSeconds() < 0 ? server.heartbeat()
                : route.heartbeatSeconds() == 0 ? Heartbeat.OFF
                : Heartbeat.every(Duration.ofSeconds(route.heartbeatSeconds()));
        Duration idle = route.idleTimeoutSeconds() >= 0 ? Duration.ofSeconds(route.idleTimeoutSeconds())
                : server.idleTimeout();
        RouteCodec codec = new RouteCodec(binding.path(), route.codec(), server.codec().orElse(null),
                binding.routeClass().getClassLoader());
        return new RouteSettings(binding.path(), limits, heartbeat, idle, maxMessageBytes(route, server),
                handlersOnIoThreads, route.maxSessions(), codec, StreamSettings.of(binding, server));
    }

    /** The largest message a route accepts: its own limit, else the server's. */
    static long maxMessageBytes(RouteOptions route, ServerSettings server) {
        return route.maxMessageBytes() > 0 ? route.maxMessageBytes() : server.maxMessageBytes();
    }
}
