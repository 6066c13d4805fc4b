package dev.switchboard;

import java.time.Instant;
import java.util.Objects;

/**
 * How many sessions a view has on every node of the cluster, as {@link Sessions#clusterCount()} measured it.
 *
 * @param count      the sessions on all nodes: this node's as it holds them, the others' as Redis has them (each
 *                   node's entries follow its joins and leaves at once, and a dead node's are gone within the
 *                   presence time to live)
 * @param measuredAt when the answer was complete
 */
public record ClusterCount(long count, Instant measuredAt) {

    /**
     * @throws NullPointerException if {@code measuredAt} is {@code null}
     */
    public ClusterCount {
        Objects.requireNonNull(measuredAt, "measuredAt");
    }
}
