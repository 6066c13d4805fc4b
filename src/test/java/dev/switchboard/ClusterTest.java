package dev.switchboard;

import dev.switchboard.runtime.BusMessage;
import dev.switchboard.runtime.ClusterBus;
import dev.switchboard.runtime.PresenceSettings;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterTest {

    @Test
    void serversAreAloneUnlessTold() {
        assertSame(Cluster.local(), ServerSettings.defaults().cluster());
        assertEquals(Cluster.State.LOCAL, Cluster.local().state());
        Cluster redis = Cluster.redis("redis://127.0.0.1:6379");
        assertSame(redis, ServerSettings.builder().cluster(redis).build().cluster());
        assertSame(redis, ServerSettings.builder().settings(ServerSettings.builder().cluster(redis).build()).build()
                .cluster());
    }

    @Test
    void nodeIdsAreGeneratedUniqueOrSet() {
        Cluster one = Cluster.redis("redis://127.0.0.1:6379");
        assertNotEquals(one.nodeId(), Cluster.redis("redis://127.0.0.1:6379").nodeId());
        assertEquals("node-a", one.nodeId("node-a").nodeId());
        assertThrows(IllegalArgumentException.class, () -> one.nodeId(" "));
        IllegalStateException local = assertThrows(IllegalStateException.class, () -> Cluster.local().nodeId("a"));
        assertTrue(local.getMessage().contains("Cluster.redis(redisUri).nodeId(id)"), local.getMessage());
    }

    @Test
    void presenceKeepsThirtySecondsAndNoAttributesUnlessTold() {
        Cluster cluster = Cluster.redis("redis://127.0.0.1:6379");
        ClusterBus bus = dev.switchboard.runtime.ClusterAccessForTests.busOf(cluster);
        assertEquals(new PresenceSettings(Duration.ofSeconds(30), List.of()), bus.presence());
        assertEquals(Duration.ofSeconds(10), bus.presence().refreshEvery());
        Cluster told = cluster.presenceTtl(Duration.ofSeconds(6)).presenceAttributes("user", "device").nodeId("n");
        assertEquals(new PresenceSettings(Duration.ofSeconds(6), List.of("user", "device")),
                dev.switchboard.runtime.ClusterAccessForTests.busOf(told).presence(), "a node id keeps them");
        assertEquals("n", told.nodeId());
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> cluster.presenceTtl(Duration.ofSeconds(2)));
        assertTrue(tooShort.getMessage().contains("below the least, PT3S"), tooShort.getMessage());
        assertThrows(IllegalArgumentException.class, () -> cluster.presenceAttributes("user", " "));
        assertEquals(List.of("user"), dev.switchboard.runtime.ClusterAccessForTests.busOf(Cluster.local()
                .presenceAttributes("user")).presence().attributes(), "the in-process cluster lists them too");
    }

    @Test
    void theCommandLineTakesTheRedisUriAndTheNodeId() {
        Cluster cluster = Switchboard.builder().commandLine("--node-id", "node-7", "--redis", "redis://127.0.0.1:6379")
                .toSettings().cluster();
        assertEquals("node-7", cluster.nodeId());
        assertNotEquals(Cluster.local(), cluster);
        Cluster kept = Switchboard.builder().cluster(Cluster.local().presenceAttributes("name"))
                .commandLine("--redis", "redis://127.0.0.1:6379").toSettings().cluster();
        assertEquals(List.of("name"), dev.switchboard.runtime.ClusterAccessForTests.busOf(kept).presence().attributes(),
                "--redis keeps the presence settings the app chose");
        IllegalArgumentException alone = assertThrows(IllegalArgumentException.class,
                () -> Switchboard.builder().commandLine("--node-id", "node-7"));
        assertTrue(alone.getMessage().contains("give --redis URI too"), alone.getMessage());
    }

    @Test
    void aBadUriFailsAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> Cluster.redis("http://example.com"));
    }

    /** A Redis that does not answer: the bus is down, publishes nothing and never blocks, and closes when left. */
    @Test
    void withoutRedisTheBusIsDownAndPublishesNothing() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<Cluster.State> states = new CopyOnWriteArrayList<>();
        Cluster cluster = Cluster.redis("redis://127.0.0.1:" + port).onStateChange(states::add).nodeId("node-a");
        assertEquals(Cluster.State.CONNECTING, cluster.state());
        ClusterBus bus = dev.switchboard.runtime.ClusterAccessForTests.busOf(cluster);
        Consumer<BusMessage> receiver = message -> { };
        bus.attach(receiver);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> cluster.state() == Cluster.State.DOWN);
            long start = System.nanoTime();
            assertFalse(bus.publish("/r", "g", false, new byte[] {'x'}));
            assertTrue(System.nanoTime() - start < Duration.ofMillis(100).toNanos(), "a publish never waits");
        } finally {
            bus.detach(receiver);
        }
        assertEquals(Cluster.State.CLOSED, cluster.state());
        assertEquals(List.of(Cluster.State.DOWN, Cluster.State.CLOSED), states,
                "the listener, set before the node id, is told every change");
    }
}
