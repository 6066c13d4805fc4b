package dev.switchboard.metrics;

import dev.switchboard.Cluster;
import dev.switchboard.runtime.BusMessage;
import dev.switchboard.runtime.ClusterAccessForTests;
import dev.switchboard.runtime.ClusterBus;
import dev.switchboard.runtime.EngineEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A cluster bus's meters, on a bus whose Redis does not answer; ClusterIT reads them on nodes that talk. */
class ClusterMetersTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aBusThatIsDownCountsWhatItDidNotPublishAndItsMetersGoWithTheLastEngine() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ClusterBus bus = ClusterAccessForTests.busOf(Cluster.redis("redis://127.0.0.1:" + port).nodeId("node-a"));
        EngineEvents events = MicrometerEvents.of(registry);
        events.joinedCluster(bus);
        events.joinedCluster(bus); // a second server on the same bus shares the meters
        Consumer<BusMessage> receiver = message -> { };
        bus.attach(receiver);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> bus.state() == Cluster.State.DOWN);
            assertFalse(bus.publish("/r", "g", false, new byte[] {'x'}));
            assertEquals(1, counter(MeterNames.CLUSTER_UNPUBLISHED));
            assertEquals(0, counter(MeterNames.CLUSTER_PUBLISHED));
            assertEquals(0, counter(MeterNames.CLUSTER_RECEIVED));
            assertEquals(0, registry.get(MeterNames.CLUSTER_UP).tag(MeterNames.NODE, "node-a").gauge().value());
        } finally {
            bus.detach(receiver);
        }
        events.leftCluster(bus);
        assertEquals(1, counter(MeterNames.CLUSTER_UNPUBLISHED), "one server still uses the bus");
        events.leftCluster(bus);
        assertNull(registry.find(MeterNames.CLUSTER_UP).gauge());
        assertNull(registry.find(MeterNames.CLUSTER_UNPUBLISHED).functionCounter());
    }

    private double counter(String name) {
        return registry.get(name).tag(MeterNames.NODE, "node-a").functionCounter().count();
    }
}
