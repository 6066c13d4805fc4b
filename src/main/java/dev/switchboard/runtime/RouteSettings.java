package dev.switchboard.runtime;

import dev.switchboard.OverflowAction;
import dev.switchboard.Route;
import dev.switchboard.SendQueueLimits;

/**
 * What applies to one route: the server's settings with the route's own overrides.
 *
 * @param path            the route's path template
 * @param sendQueueLimits the outbound queue limits of its sessions
 */
record RouteSettings(String path, SendQueueLimits sendQueueLimits) {

    static RouteSettings of(Route route, ServerSettings server) {
        SendQueueLimits base = server.sendQueueLimits();
        return new RouteSettings(route.value(), new SendQueueLimits(
                route.maxQueuedMessages() > 0 ? route.maxQueuedMessages() : base.maxMessages(),
                route.maxQueuedBytes() > 0 ? route.maxQueuedBytes() : base.maxBytes(),
                route.onOverflow() != OverflowAction.INHERIT ? route.onOverflow() : base.onOverflow()));
    }
}
