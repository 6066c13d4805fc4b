package dev.switchboard.runtime;

/** The bus behind a {@code Cluster}, for tests outside this package. */
public final class ClusterAccessForTests {

    private ClusterAccessForTests() {
    }

    /**
     * The bus behind a cluster.
     *
     * @param cluster a {@code Cluster}
     * @return its bus
     */
    public static ClusterBus busOf(Object cluster) {
        return ClusterAccess.busOf(cluster);
    }
}
