package dev.switchboard.runtime;

import java.util.function.Function;

/**
 * How an engine finds the {@link ClusterBus} behind the API's {@code Cluster}, which keeps it out of its public
 * methods, as {@link MetricsAccess} does for metrics: {@code Cluster} hands its reader over as its class is
 * initialized.
 */
public final class ClusterAccess {

    private static volatile Function<Object, ClusterBus> reader;

    private ClusterAccess() {
    }

    /**
     * Takes the reader of the bus behind a {@code Cluster}; only {@code Cluster} calls it, once.
     *
     * @param clusterReader the reader
     */
    public static void readWith(Function<Object, ClusterBus> clusterReader) {
        reader = clusterReader;
    }

    /** The bus behind the cluster a server was given. */
    static ClusterBus busOf(Object cluster) {
        return reader.apply(cluster);
    }
}
