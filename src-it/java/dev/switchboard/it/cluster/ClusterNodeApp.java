package dev.switchboard.it.cluster;

import dev.switchboard.BroadcastResult;
import dev.switchboard.Cluster;
import dev.switchboard.Metrics;
import dev.switchboard.OverflowAction;
import dev.switchboard.SendQueueLimits;
import dev.switchboard.Sessions;
import dev.switchboard.Switchboard;
import dev.switchboard.clusterapp.ClusterRoom;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One node of a cluster, run by {@link ClusterIT} as a JVM of its own: a chat route ({@link ClusterRoom}, which the
 * cluster app's WAR serves too) whose members of a room hear each other on every node, and a standard input on
 * which {@code broadcast <room> <text>} broadcasts from outside
 * any handler. Prints its port, each state of its cluster bus, and each broadcast's result; {@code burst <room> <count>} broadcasts the numbers
 * from 1 to count, {@code everyone <text>} to the whole route, {@code here <room> <text>} to this node's members; {@code who <tag> <room>} and {@code count <tag>} print the
 * cluster-wide members of a room and count of the route, {@code metrics <tag>} the cluster bus's meters. Clients may give a {@code user} query parameter, published
 * with their presence. Its arguments: the Redis URI, the node id, and optionally the presence time to live in
 * seconds. Serves until its input ends.
 */
public final class ClusterNodeApp {

    private ClusterNodeApp() {
    }

    /**
     * Serves on a free port of 127.0.0.1 with a Redis cluster.
     *
     * @param args the Redis URI and this node's id
     * @throws Exception if standard input cannot be read
     */
    public static void main(String[] args) throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        Cluster cluster = Cluster.redis(args[0]).nodeId(args[1]).presenceAttributes("user")
                .onStateChange(state -> System.out.println("cluster state " + state));
        if (args.length > 2) {
            cluster = cluster.presenceTtl(Duration.ofSeconds(Integer.parseInt(args[2])));
        }
        try (Switchboard server = Switchboard.builder().host("127.0.0.1").port(0).route(ClusterRoom.class)
                .sendQueueLimits(new SendQueueLimits(20_000, 64L << 20, OverflowAction.FAIL_SEND,
                        Duration.ofSeconds(60))) // a burst of 10,000 is queued whole
                .cluster(cluster).metrics(Metrics.micrometer(registry)).build().start()) {
            System.out.println("node " + args[1] + " serving on ws://127.0.0.1:" + server.port());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                String[] command = line.split(" ", 3);
                if (command[0].equals("broadcast")) {
                    BroadcastResult result = Sessions.of(ClusterRoom.class).group("room:" + command[1])
                            .broadcastText(command[2]);
                    System.out.println("broadcast " + command[2] + " -> " + result);
                } else if (command[0].equals("everyone")) { // everyone <text>: the whole route, every room
                    BroadcastResult result = Sessions.of(ClusterRoom.class).broadcastText(line.substring("everyone ".length()));
                    System.out.println("everyone -> " + result);
                } else if (command[0].equals("here")) { // here <room> <text>: this node's members only
                    BroadcastResult result = Sessions.of(ClusterRoom.class).group("room:" + command[1]).thisNode()
                            .broadcastText(command[2]);
                    System.out.println("here " + command[2] + " -> " + result);
                } else if (command[0].equals("who")) { // who <tag> <room>: the room's members on every node
                    String tag = command[1];
                    Sessions.of(ClusterRoom.class).group("room:" + command[2]).clusterList().whenComplete((list, failure) ->
                            System.out.println("who " + tag + " " + (failure != null ? "failed " + failure.getCause()
                                    : list.count() + list.sessions().stream().map(present -> " " + present.nodeId()
                                    + (present.attributes().containsKey("user") ? "/" + present.attributes().get("user")
                                    : "")).sorted().collect(Collectors.joining()))));
                } else if (command[0].equals("count")) { // count <tag>: the route's sessions on every node
                    String tag = command[1];
                    Sessions.of(ClusterRoom.class).clusterCount().whenComplete((count, failure) -> System.out.println(
                            "count " + tag + " " + (failure != null ? "failed " + failure.getCause() : count.count())));
                } else if (command[0].equals("metrics")) { // metrics <tag>: the cluster bus's meters
                    System.out.println("metrics " + command[1] + " " + Stream.of("published", "unpublished", "received",
                            "up").map(name -> name + "=" + (long) registry.get("switchboard.cluster." + name).meter()
                            .measure().iterator().next().getValue()).collect(Collectors.joining(" ")));
                } else if (command[0].equals("burst")) { // burst <room> <count>: texts "1" to "<count>", in order
                    Sessions room = Sessions.of(ClusterRoom.class).group("room:" + command[1]);
                    int count = Integer.parseInt(command[2]);
                    int published = 0;
                    for (int n = 1; n <= count; n++) {
                        published += room.broadcastText(Integer.toString(n)).published() ? 1 : 0;
                    }
                    System.out.println("burst of " + count + " published " + published);
                }
            }
        }
    }
}
