package dev.switchboard.docs;

import dev.switchboard.BroadcastResult;
import dev.switchboard.Cluster;
import dev.switchboard.PresentSession;
import dev.switchboard.ServerSettings;
import dev.switchboard.Sessions;
import dev.switchboard.Switchboard;
import dev.switchboard.example.ChatRoute;

import java.time.Duration;

/**
 * The cluster as docs/cluster.md shows it; {@code ClusterIT} runs the same calls in nodes of their own.
 */
public final class ClusterSnippets {

    private ClusterSnippets() {
    }

    /** A server on a free port of 127.0.0.1 in the cluster of a Redis, not started. */
    static Switchboard server(String redisUri, String nodeId) {
        // tag::standalone[]
        Cluster cluster = Cluster.redis(redisUri)       // e.g. "redis://redis.internal:6379"
                .nodeId(nodeId)                         // optional: a random UUID otherwise; unique per node
                .onStateChange(state -> System.out.println("cluster bus " + state)); // UP, DOWN, ...
        Switchboard server = Switchboard.builder()
                .host("127.0.0.1").port(0)
                .route(ChatRoute.class)
                .cluster(cluster)
                .build();
        // end::standalone[]
        return server;
    }

    /** The same setting in settings for any host, e.g. a WAR's. */
    static ServerSettings settings(String redisUri) {
        // tag::settings[]
        ServerSettings settings = ServerSettings.builder()
                .cluster(Cluster.redis(redisUri))
                .build();
        // end::settings[]
        return settings;
    }

    /** Broadcasts that cross nodes, and one that does not. */
    static void broadcasts() {
        // tag::broadcast[]
        Sessions lobby = Sessions.of(ChatRoute.class).group("lobby");
        BroadcastResult result = lobby.broadcastText("the lobby closes in 5 minutes"); // every node's members
        if (!result.published()) {
            // the bus is down: only this node's members got it (result.delivered() of them)
        }
        lobby.thisNode().broadcastText("this node restarts in a minute");            // this node's members only
        // end::broadcast[]
    }

    /** Who is in a room, on every node. */
    static Cluster presence(String redisUri) {
        // tag::presence[]
        Cluster cluster = Cluster.redis(redisUri)
                .presenceAttributes("user")            // the attributes each entry shows, e.g. put by a HandshakeCheck
                .presenceTtl(Duration.ofSeconds(30));  // a node that dies unannounced leaves within it (the default)

        Sessions lobby = Sessions.of(ChatRoute.class).group("lobby");
        System.out.println(lobby.count() + " in the lobby on this node");              // at once, from memory
        lobby.clusterList().whenComplete((present, failure) -> {
            if (failure != null) {
                return;                                // the bus is down: only this node's are known, lobby.list()
            }
            for (PresentSession member : present.sessions()) {
                System.out.println(member.nodeId() + " " + member.id() + " " + member.attributes().get("user"));
            }
            System.out.println(present.count() + " in the lobby at " + present.measuredAt());
        });
        lobby.clusterCount().thenAccept(count -> System.out.println(count.count() + " in the lobby"));
        // end::presence[]
        return cluster;
    }
}
