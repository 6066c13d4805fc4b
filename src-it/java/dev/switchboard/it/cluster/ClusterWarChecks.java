package dev.switchboard.it.cluster;

import dev.switchboard.clusterapp.ClusterAppSettings;
import dev.switchboard.containers.Container;
import dev.switchboard.containers.War;
import dev.switchboard.containers.WarBuilder;
import dev.switchboard.it.clients.WsClient;
import dev.switchboard.runtime.Shards;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A WAR on a running container as a node of a Redis cluster, beside a standalone node: the cluster app
 * ({@link WarBuilder#clusterApp}), with Lettuce in {@code WEB-INF/lib}, deployed on a Redis of the test's own. A
 * group broadcast from a client of the container reaches the member on the standalone node, and one from the
 * standalone node the members in the container, each once; undeploying the app closes its connections to Redis,
 * and neither the container nor Lettuce complains of anything left behind. The container test suite runs it on the
 * container it started already, so it costs a deployment, not a container start.
 */
public final class ClusterWarChecks {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** How long nothing more may arrive once what was expected did: a duplicate would have come meanwhile. */
    private static final Duration QUIET = Duration.ofSeconds(1);
    /** How long after the undeploy the log must stay free of complaints: Lettuce's shutdown ends within it. */
    private static final Duration AFTER_UNDEPLOY = Duration.ofSeconds(2);
    /**
     * Lines of a container log that complain: a warning or an error in any container's format, an exception or error
     * of its stack trace, or Tomcat's word for a leak ("has been stopped already" for a class loaded too late).
     */
    private static final Pattern COMPLAINT = Pattern.compile(
            "\\b(WARN|WARNING|SEVERE|ERROR)\\b|Exception|Error\\b|leak|stopped already");
    /**
     * Open Liberty's own word, now and then, on a dropins WAR deleted while its monitor looked: "CWWKZ0014W: The
     * application cluster-app could not be started as it could not be found", after it stopped the app. It is about
     * the file the test removed, not about the app.
     */
    private static final Pattern UNDEPLOYED_BY_REMOVAL = Pattern.compile("CWWKZ0014W: The application \\S+ could "
            + "not be started as it could not be found");
    private static final String PUBLISHED = "BroadcastResult[delivered=1, dropped=0, skipped=0, published=true]";

    private ClusterWarChecks() {
    }

    /**
     * Runs the checks on a container that is running; skipped without {@code redis-server} (failed on CI).
     *
     * @param container the running container, on which the cluster app is deployed and undeployed
     * @throws Exception if Redis or the standalone node cannot be started
     */
    public static void warIsANodeOfTheCluster(Container container) throws Exception {
        try (RedisServer redis = RedisServer.start();
             RedisClient admin = RedisClient.create(redis.uri());
             StatefulRedisConnection<String, String> redisAdmin = admin.connect()) {
            String warNode = "war-" + UUID.randomUUID();
            War app = WarBuilder.clusterApp(redis.uri(), warNode);
            // the standalone node's JVM starts while the container deploys the WAR
            CompletableFuture<ClusterNode> starting = CompletableFuture.supplyAsync(() -> {
                try {
                    return ClusterNode.start(redis.uri(), "standalone-" + UUID.randomUUID());
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            try {
                container.deploy(app);
                container.awaitLog(ClusterAppSettings.STATE_LINE + warNode + ": UP");
            } catch (RuntimeException | Error e) {
                starting.thenAccept(ClusterNode::close);
                throw e;
            }
            String lobby = Shards.channel(Shards.of("room:lobby", Shards.DEFAULT_COUNT));

            try (ClusterNode node = starting.get(WAIT.toSeconds() * 2, TimeUnit.SECONDS);
                 WsClient inWar = join(container, app, "lobby");
                 WsClient alsoInWar = join(container, app, "lobby");
                 WsClient onNode = node.join("lobby")) {
                // Both nodes read the lobby's shard: a broadcast from either now reaches the other.
                await().atMost(WAIT).until(() -> redisAdmin.sync().pubsubNumsub(lobby).get(lobby) == 2L);

                inWar.sendText("from the container");
                container.awaitLog("said from the container -> " + PUBLISHED);
                await().atMost(WAIT).until(() -> onNode.texts.contains("from the container")
                        && alsoInWar.texts.contains("from the container"));

                node.broadcast("lobby", "from the standalone node");
                node.awaitOutput("broadcast from the standalone node -> " + PUBLISHED);
                await().atMost(WAIT).until(() -> inWar.texts.contains("from the standalone node")
                        && alsoInWar.texts.contains("from the standalone node"));

                List<String> both = List.of("from the container", "from the standalone node");
                await().during(QUIET).atMost(WAIT).until(() -> onNode.texts.equals(both)
                        && alsoInWar.texts.equals(both)
                        && inWar.texts.equals(List.of("from the standalone node")));
            }

            int logBefore = container.log().length();
            container.undeploy(app);
            container.awaitLog(ClusterAppSettings.STATE_LINE + warNode + ": CLOSED");
            // The standalone node is gone, so only this test's own connection is left once the app closed its two.
            await().atMost(WAIT).until(() -> redisAdmin.sync().clientList().lines().count() == 1);
            await().during(AFTER_UNDEPLOY).atMost(AFTER_UNDEPLOY.plus(QUIET)).untilAsserted(() -> assertEquals(
                    List.of(), complaints(container.log().substring(logBefore)), "what the container logged"));
            assertEquals(List.of(), container.leakReports());
        }
    }

    /** The lines of a log that complain. */
    static List<String> complaints(String log) {
        return log.lines().filter(line -> COMPLAINT.matcher(line).find())
                .filter(line -> !UNDEPLOYED_BY_REMOVAL.matcher(line).find()).toList();
    }

    /** A client in a room of the app on the container, once it joined the room. */
    private static WsClient join(Container container, War app, String room) {
        WsClient client = WsClient.connect(container.ws(app.contextPath() + "/cluster/" + room));
        await().atMost(WAIT).until(() -> client.texts.contains("joined " + room));
        client.texts.clear();
        return client;
    }
}
