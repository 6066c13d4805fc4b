package dev.switchboard.it.cluster;

import dev.switchboard.it.clients.WsClient;
import dev.switchboard.runtime.Shards;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broadcasts across nodes in JVMs of their own, on a Redis of the test's own: a group broadcast reaches the group's
 * members on every node exactly once, and in publish order; a node whose Redis is gone keeps delivering locally and
 * comes back by itself; a restarted node serves and receives again.
 */
class ClusterIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** How long nothing more may arrive once what was expected did: a duplicate would have come meanwhile. */
    private static final Duration QUIET = Duration.ofSeconds(1);
    /** How long Redis stays killed in the test of its return. */
    private static final Duration REDIS_AWAY = Duration.ofSeconds(20);

    @Test
    void aGroupBroadcastReachesTheMembersOnEveryNodeOnce() throws Exception {
        try (RedisServer redis = RedisServer.start();
             ClusterNode a = ClusterNode.start(redis.uri(), "node-a");
             ClusterNode b = ClusterNode.start(redis.uri(), "node-b");
             ClusterNode c = ClusterNode.start(redis.uri(), "node-c");
             WsClient a1 = a.join("lobby");
             WsClient a2 = a.join("lobby");
             WsClient b1 = b.join("lobby");
             WsClient bOther = b.join("other");
             WsClient c1 = c.join("lobby")) {

            a1.sendText("hello from a1");
            List<WsClient> others = List.of(a2, b1, c1);
            for (WsClient member : others) {
                await().atMost(WAIT).until(() -> member.texts.contains("hello from a1"));
            }
            a.awaitOutput("said hello from a1 -> BroadcastResult[delivered=1, dropped=0, skipped=0, published=true]");

            b.broadcast("lobby", "from outside");
            b.awaitOutput("broadcast from outside -> BroadcastResult[delivered=1, dropped=0, skipped=0, "
                    + "published=true]");
            for (WsClient member : List.of(a1, a2, b1, c1)) {
                await().atMost(WAIT).until(() -> member.texts.contains("from outside"));
            }

            await().during(QUIET).atMost(WAIT).until(() -> a1.texts.equals(List.of("from outside"))
                    && others.stream().allMatch(member -> member.texts.equals(List.of("hello from a1", "from outside")))
                    && bOther.texts.isEmpty());

            // a route view reaches every room on every node; a view of this node only stays there
            List<WsClient> everyone = List.of(a1, a2, b1, bOther, c1);
            everyone.forEach(client -> client.texts.clear());
            c.broadcastToEveryone("to everyone");
            c.awaitOutput("everyone -> BroadcastResult[delivered=1, dropped=0, skipped=0, published=true]");
            b.broadcastHere("lobby", "only on b");
            b.awaitOutput("here only on b -> BroadcastResult[delivered=1, dropped=0, skipped=0, published=false]");
            await().during(QUIET).atMost(WAIT).until(() -> List.of(a1, a2, bOther, c1).stream()
                    .allMatch(client -> client.texts.equals(List.of("to everyone")))
                    && b1.texts.size() == 2 && b1.texts.containsAll(List.of("to everyone", "only on b")));

            // each node counts what it published and received: a and c published one message each, b two of which
            // one stayed on b; every node received what the two others published
            assertEquals("published=1 unpublished=0 received=2 up=1", a.metrics());
            assertEquals("published=1 unpublished=0 received=2 up=1", b.metrics());
            assertEquals("published=1 unpublished=0 received=2 up=1", c.metrics());

            // nodes subscribe to the shards they have members in: the lobby's on all three, the other room's on b
            try (RedisClient client = RedisClient.create(redis.uri());
                 StatefulRedisConnection<String, String> connection = client.connect()) {
                Map<String, Long> subscribers = connection.sync().pubsubNumsub(Shards.channel(Shards.of("room:lobby",
                        16)), Shards.channel(Shards.of("room:other", 16)));
                assertEquals(Map.of(Shards.channel(5), 3L, Shards.channel(2), 1L), subscribers);
                bOther.close();
                await().atMost(WAIT).until(() -> connection.sync().pubsubNumsub(Shards.channel(2))
                        .get(Shards.channel(2)) == 0L);
            }
        }
    }

    /**
     * Presence: each node lists every node's members with their published attributes; a leave shows at once, a node
     * killed without a goodbye leaves within its presence time to live, and a node that stops takes its entries
     * with it at once, long before its time to live.
     */
    @Test
    void presenceListsEveryNodesMembersAndForgetsANodeThatDied() throws Exception {
        Duration shortTtl = Duration.ofSeconds(3);
        try (RedisServer redis = RedisServer.start();
             ClusterNode a = ClusterNode.start(redis.uri(), "node-a");
             ClusterNode b = ClusterNode.start(redis.uri(), "node-b");
             ClusterNode c = ClusterNode.start(redis.uri(), "node-c", shortTtl);
             WsClient ann = a.join("lobby", "ann");
             WsClient bea = b.join("lobby", "bea");
             WsClient bob = b.join("lobby", "bob");
             WsClient cid = c.join("lobby", "cid");
             WsClient dan = c.join("other", "dan")) {

            await().atMost(WAIT).until(() -> a.who("lobby").equals("4 node-a/ann node-b/bea node-b/bob node-c/cid"));
            assertEquals("4 node-a/ann node-b/bea node-b/bob node-c/cid", c.who("lobby"));
            assertEquals("5", b.count(), "the route's sessions on all nodes");

            bea.close();
            await().atMost(WAIT).until(() -> a.who("lobby").equals("3 node-a/ann node-b/bob node-c/cid"));

            c.close(); // killed: no goodbye
            long killed = System.nanoTime();
            // the second is for this test's round trips to node a: the entries expire within the time to live
            await().atMost(shortTtl.plusSeconds(1)).pollInterval(Duration.ofMillis(100))
                    .until(() -> a.who("lobby").equals("2 node-a/ann node-b/bob"));
            System.out.println("a killed node left the presence after "
                    + Duration.ofNanos(System.nanoTime() - killed).toMillis() + " ms, with a time to live of " + shortTtl);
            assertEquals("2", a.count());

            b.stop(); // its time to live is 30 s: only its goodbye takes its entries away this soon
            await().atMost(Duration.ofSeconds(5)).until(() -> a.who("lobby").equals("1 node-a/ann"));
        }
    }

    @Test
    void withRedisGoneBroadcastsStayLocalAndCrossAgainOnceItIsBack() throws Exception {
        try (RedisServer redis = RedisServer.start();
             ClusterNode a = ClusterNode.start(redis.uri(), "node-a");
             ClusterNode b = ClusterNode.start(redis.uri(), "node-b");
             WsClient a1 = a.join("lobby");
             WsClient a2 = a.join("lobby");
             WsClient b1 = b.join("lobby")) {

            await().atMost(WAIT).until(() -> a.who("lobby").equals("3 node-a node-a node-b"));
            redis.kill();
            a.awaitOutput("cluster state DOWN");
            b.awaitOutput("cluster state DOWN");
            assertTrue(a.who("lobby").startsWith("failed java.lang.IllegalStateException: The cluster bus of node "
                    + "node-a is not up"), "the other nodes' sessions are unknown while Redis is away");
            WsClient late = b.join("late"); // its shard is subscribed to once Redis is back
            a1.sendText("while redis is down");
            await().atMost(WAIT).until(() -> a2.texts.contains("while redis is down"));
            a.awaitOutput("said while redis is down -> BroadcastResult[delivered=1, dropped=0, skipped=0, "
                    + "published=false]");

            // long enough away for a reconnecting client's backoff to have grown (Lettuce's own grows to 30 s); all
            // along, the cluster-wide calls fail at once rather than wait
            await().during(REDIS_AWAY).atMost(REDIS_AWAY.plusSeconds(10)).until(() -> a.who("lobby")
                    .startsWith("failed java.lang.IllegalStateException"));
            redis.run();
            long back = System.nanoTime();
            // with no action by the application: publish until one crosses
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
                a1.sendText("after redis is back");
                return b1.texts.contains("after redis is back");
            });
            System.out.println("broadcasts crossed again " + Duration.ofNanos(System.nanoTime() - back).toMillis()
                    + " ms after Redis came back from " + REDIS_AWAY.toSeconds() + " s away");
            a.awaitOutput("cluster state UP");
            b.awaitOutput("cluster state UP");
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
                a.broadcast("late", "to the member who joined while redis was down");
                return late.texts.contains("to the member who joined while redis was down");
            });
            // the restarted Redis lost the presence: each node wrote its own again when its bus came up
            await().atMost(Duration.ofSeconds(10)).until(() -> a.who("lobby").equals("3 node-a node-a node-b"));
            late.close();
            assertEquals(Collections.emptyList(), b1.texts.stream().filter("while redis is down"::equals).toList(),
                    "nothing is replayed: delivery across nodes is at most once");
        }
    }

    @Test
    void tenThousandMessagesFromOnePublisherArriveInOrderOnEveryNode() throws Exception {
        int count = 10_000;
        try (RedisServer redis = RedisServer.start();
             ClusterNode a = ClusterNode.start(redis.uri(), "node-a");
             ClusterNode b = ClusterNode.start(redis.uri(), "node-b");
             ClusterNode c = ClusterNode.start(redis.uri(), "node-c")) {
            List<InOrder> members = List.of(new InOrder(), new InOrder(), new InOrder());
            try (WsClient onA = a.join("orders", members.get(0));
                 WsClient onB = b.join("orders", members.get(1));
                 WsClient onC = c.join("orders", members.get(2))) {
                b.burst("orders", count);
                b.awaitOutput("burst of " + count + " published " + count);
                for (InOrder member : members) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> member.received() >= count);
                    assertEquals(List.of(), member.outOfOrder(), "first texts out of order");
                    assertEquals(count, member.received());
                }
            }
        }
    }

    @Test
    void aRestartedNodeReceivesBroadcastsAgain() throws Exception {
        try (RedisServer redis = RedisServer.start();
             ClusterNode a = ClusterNode.start(redis.uri(), "node-a");
             WsClient a1 = a.join("lobby")) {
            try (ClusterNode b = ClusterNode.start(redis.uri(), "node-b");
                 WsClient b1 = b.join("lobby")) {
                b.broadcast("lobby", "before the restart");
                await().atMost(WAIT).until(() -> a1.texts.contains("before the restart"));
            }
            try (ClusterNode b = ClusterNode.start(redis.uri(), "node-b");
                 WsClient b1 = b.join("lobby")) {
                a.broadcast("lobby", "after the restart");
                await().atMost(WAIT).until(() -> b1.texts.contains("after the restart"));
                b.broadcast("lobby", "from the restarted node");
                await().atMost(WAIT).until(() -> a1.texts.contains("from the restarted node"));
            }
        }
    }

    /** Texts "1", "2", ... checked as they arrive: how many came, and the first few that broke the order. */
    private static final class InOrder implements Consumer<String> {
        private final List<String> outOfOrder = new CopyOnWriteArrayList<>();
        private final AtomicInteger received = new AtomicInteger();

        @Override
        public void accept(String text) {
            int n = received.incrementAndGet();
            if (!text.equals(Integer.toString(n)) && outOfOrder.size() < 5) {
                outOfOrder.add("#" + n + " was " + text);
            }
        }

        int received() {
            return received.get();
        }

        List<String> outOfOrder() {
            return outOfOrder;
        }
    }
}
