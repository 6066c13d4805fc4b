package dev.switchboard.runtime;

import dev.switchboard.Cluster;
import dev.switchboard.PresentSession;
import dev.switchboard.WebSocketSession;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The runtime side of a {@code Cluster}: publishes this node's broadcasts to the other nodes, and hands what they
 * publish to the engines attached to it.
 */
public interface ClusterBus {

    /**
     * This node's id, carried by every message it publishes.
     *
     * @return the node id
     */
    String nodeId();

    /**
     * The same bus with another node id, not yet used by any engine.
     *
     * @param nodeId the node id
     * @return a new bus
     */
    ClusterBus withNodeId(String nodeId);

    /**
     * The state now.
     *
     * @return the state
     */
    Cluster.State state();

    /**
     * Adds a listener of state changes.
     *
     * @param listener told each new state
     */
    void addListener(Consumer<? super Cluster.State> listener);

    /**
     * Hands a message to the other nodes without blocking, with this node's id and its next sequence number.
     *
     * @param route   the route's path template
     * @param group   the group, or {@code null} for all the route's sessions
     * @param binary  whether the payload is a binary message; otherwise it is UTF-8 text
     * @param payload the message's bytes, which must not change
     * @return whether the message was handed to the bus; {@code false} while it is not up
     */
    boolean publish(String route, String group, boolean binary, byte[] payload);

    /**
     * A session of this node entered a route (group {@code null}) or one of its groups: while a route or group has
     * members here, the bus receives the messages of its shard, and the presence lists the session. Calls for one
     * session, route and group come in pairs with {@link #left}.
     *
     * @param route   the route's path template
     * @param group   the group, or {@code null} for the route itself
     * @param session the session
     */
    void entered(String route, String group, WebSocketSession session);

    /**
     * A session of this node left a route or group; see {@link #entered}.
     *
     * @param route   the route's path template
     * @param group   the group, or {@code null} for the route itself
     * @param session the session
     */
    void left(String route, String group, WebSocketSession session);

    /**
     * How this bus keeps the presence.
     *
     * @return the settings
     */
    PresenceSettings presence();

    /**
     * The same bus with other presence settings, not yet used by any engine.
     *
     * @param settings the settings
     * @return a new bus
     */
    ClusterBus withPresence(PresenceSettings settings);

    /**
     * How many sessions of a route or group the other nodes have, asynchronously.
     *
     * @param route the route's path template
     * @param group the group, or {@code null} for the route itself
     * @return completes with the count; fails while the bus is not up, or when Redis does not answer in time
     */
    CompletionStage<Long> countElsewhere(String route, String group);

    /**
     * The sessions of a route or group the other nodes have, asynchronously.
     *
     * @param route the route's path template
     * @param group the group, or {@code null} for the route itself
     * @return completes with the sessions; fails as {@link #countElsewhere} does
     */
    CompletionStage<List<PresentSession>> presentElsewhere(String route, String group);

    /**
     * What the bus did so far, for metrics.
     *
     * @return the counts
     */
    BusCounts counts();

    /**
     * Starts handing the other nodes' messages to an engine; the first engine starts the bus.
     *
     * @param receiver told each message another node published, in the order it arrived
     */
    void attach(Consumer<BusMessage> receiver);

    /**
     * Stops handing messages to an engine; the last one stops the bus.
     *
     * @param receiver a receiver given to {@link #attach}
     */
    void detach(Consumer<BusMessage> receiver);
}
