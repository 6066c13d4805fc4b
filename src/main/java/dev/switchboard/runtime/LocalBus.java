package dev.switchboard.runtime;

import dev.switchboard.Cluster;

import java.util.function.Consumer;

/**
 * The bus of the in-process cluster: there are no other nodes, so nothing is published and nothing arrives.
 */
public final class LocalBus implements ClusterBus {

    /** The one in-process bus. */
    public static final LocalBus INSTANCE = new LocalBus();

    private LocalBus() {
    }

    @Override
    public String nodeId() {
        return "local";
    }

    @Override
    public ClusterBus withNodeId(String nodeId) {
        throw new IllegalStateException("The in-process cluster has one node, whose id is fixed: a node id is set "
                + "on a cluster of several nodes, e.g. Cluster.redis(redisUri).nodeId(id)");
    }

    @Override
    public Cluster.State state() {
        return Cluster.State.LOCAL;
    }

    @Override
    public void addListener(Consumer<? super Cluster.State> listener) {
        // the state never changes
    }

    @Override
    public boolean publish(String route, String group, boolean binary, byte[] payload) {
        return false;
    }

    @Override
    public void watch(String key) {
        // nothing to receive
    }

    @Override
    public void unwatch(String key) {
    }

    @Override
    public void attach(Consumer<BusMessage> receiver) {
        // nothing ever arrives
    }

    @Override
    public void detach(Consumer<BusMessage> receiver) {
    }

    @Override
    public String toString() {
        return "local";
    }
}
