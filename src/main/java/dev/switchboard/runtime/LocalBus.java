package dev.switchboard.runtime;

import dev.switchboard.Cluster;
import dev.switchboard.PresentSession;
import dev.switchboard.WebSocketSession;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The bus of the in-process cluster: there are no other nodes, so nothing is published, nothing arrives, and no
 * other node has sessions.
 */
public final class LocalBus implements ClusterBus {

    /** The in-process bus with the default presence settings. */
    public static final LocalBus INSTANCE = new LocalBus(PresenceSettings.DEFAULT);

    private final PresenceSettings presence;

    private LocalBus(PresenceSettings presence) {
        this.presence = presence;
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
    public void entered(String route, String group, WebSocketSession session) {
        // nothing to receive, no one to tell
    }

    @Override
    public void left(String route, String group, WebSocketSession session) {
    }

    @Override
    public PresenceSettings presence() {
        return presence;
    }

    @Override
    public ClusterBus withPresence(PresenceSettings settings) {
        return new LocalBus(settings);
    }

    @Override
    public CompletionStage<Long> countElsewhere(String route, String group) {
        return CompletableFuture.completedFuture(0L);
    }

    @Override
    public CompletionStage<List<PresentSession>> presentElsewhere(String route, String group) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public BusCounts counts() {
        return BusCounts.NONE;
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
