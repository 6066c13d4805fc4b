package dev.switchboard;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The sessions a view has on every node of the cluster, as {@link Sessions#clusterList()} measured them.
 *
 * @param sessions   the sessions on all nodes, this node's first; unmodifiable
 * @param measuredAt when the answer was complete
 */
public record ClusterList(List<PresentSession> sessions, Instant measuredAt) {

    /**
     * @throws NullPointerException if an argument is {@code null}
     */
    public ClusterList {
        sessions = List.copyOf(sessions);
        Objects.requireNonNull(measuredAt, "measuredAt");
    }

    /**
     * How many sessions the list holds.
     *
     * @return the size of {@link #sessions()}
     */
    public int count() {
        return sessions.size();
    }
}
