package dev.switchboard.clusterapp;

import dev.switchboard.Cluster;
import dev.switchboard.ServerSettings;
import dev.switchboard.WarSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The cluster of the app: {@code Cluster.redis(uri)} with the Redis URI and node id of {@value #RESOURCE}, which
 * the test writes into the WAR, as a deployment would put them in its configuration. Each state of the bus is
 * printed, for the test to read in the container's log.
 */
public class ClusterAppSettings implements WarSettings {

    /** The resource, in {@code WEB-INF/classes}, with the properties {@code redis} and {@code node-id}. */
    public static final String RESOURCE = "cluster-app.properties";

    /** What the app prints as its bus changes state, followed by the node id, a colon and the state. */
    public static final String STATE_LINE = "cluster-app node ";

    @Override
    public ServerSettings settings() {
        Properties properties = new Properties();
        try (InputStream in = ClusterAppSettings.class.getResourceAsStream("/" + RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The cluster app has no " + RESOURCE + " in WEB-INF/classes");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String nodeId = properties.getProperty("node-id");
        Cluster cluster = Cluster.redis(properties.getProperty("redis")).nodeId(nodeId)
                .onStateChange(state -> System.out.println(STATE_LINE + nodeId + ": " + state));
        return ServerSettings.builder().cluster(cluster).build();
    }
}
