package dev.switchboard.runtime;

import dev.switchboard.Cluster;

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
     * Counts one more member of this node for a key (a group, or a route for its sessions): while a key counts any,
     * the bus receives the messages of its shard. Calls for one key come in pairs with {@link #unwatch}.
     *
     * @param key a group name, or a route template
     */
    void watch(String key);

    /**
     * Counts one member less for a key; see {@link #watch}.
     *
     * @param key a group name, or a route template
     */
    void unwatch(String key);

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
