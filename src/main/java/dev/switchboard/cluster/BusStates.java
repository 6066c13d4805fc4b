package dev.switchboard.cluster;

import dev.switchboard.Cluster;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A bus's state and the listeners told of each change, each change once, in order.
 */
final class BusStates {

    private static final System.Logger LOG = System.getLogger(BusStates.class.getName());

    private final List<Consumer<? super Cluster.State>> listeners = new CopyOnWriteArrayList<>();
    private final String nodeId;
    /** Read without the lock, so that a listener may broadcast while another thread publishes. */
    private volatile Cluster.State state = Cluster.State.CONNECTING;

    BusStates(String nodeId, List<Consumer<? super Cluster.State>> listeners) {
        this.nodeId = nodeId;
        this.listeners.addAll(listeners);
    }

    Cluster.State get() {
        return state;
    }

    List<Consumer<? super Cluster.State>> listeners() {
        return List.copyOf(listeners);
    }

    void addListener(Consumer<? super Cluster.State> listener) {
        listeners.add(listener);
    }

    /** Changes the state and tells the listeners, if it is a change; a listener that fails does not stop the others. */
    synchronized void set(Cluster.State next) {
        if (next == state) {
            return;
        }
        Cluster.State previous = state;
        state = next;
        LOG.log(next == Cluster.State.DOWN ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                "Cluster bus of node " + nodeId + ": " + previous + " -> " + next
                        + (next == Cluster.State.DOWN ? "; broadcasts stay on this node until it is up again" : ""));
        for (Consumer<? super Cluster.State> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A cluster state listener failed", e);
            }
        }
    }
}
