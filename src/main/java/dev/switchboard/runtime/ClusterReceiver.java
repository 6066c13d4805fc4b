package dev.switchboard.runtime;

import java.util.Collection;
import java.util.function.Consumer;

/**
 * Delivers what other nodes published to this server's sessions of its route and group, as a local broadcast
 * would: queued on each, through each session's queue limits. Called by the bus on its one receiving thread, so
 * the messages of one publisher keep their order; it only queues, and never blocks that thread.
 */
final class ClusterReceiver implements Consumer<BusMessage> {

    private final SessionRegistry registry;

    ClusterReceiver(SessionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void accept(BusMessage message) {
        RouteSessions route = registry.routeAt(message.route());
        if (route == null) {
            return; // a route this server does not serve
        }
        Collection<ConnectionSession> members = message.group() == null ? route.open() : route.group(message.group());
        if (members.isEmpty()) {
            return;
        }
        SharedMessage shared = message.toShared();
        for (ConnectionSession session : members) {
            session.deliver(Outbound.shared(shared));
        }
    }
}
