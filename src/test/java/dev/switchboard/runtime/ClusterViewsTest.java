package dev.switchboard.runtime;

import dev.switchboard.BroadcastResult;
import dev.switchboard.Cluster;
import dev.switchboard.ClusterCount;
import dev.switchboard.ClusterList;
import dev.switchboard.PresentSession;
import dev.switchboard.Sessions;
import dev.switchboard.WebSocketSession;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which views publish their broadcasts to the cluster bus, and what they publish. */
class ClusterViewsTest {

    /** A bus that keeps what it is given, up or down. */
    private static final class KeptBus implements ClusterBus {
        final List<BusMessage> published = new ArrayList<>();
        boolean up = true;
        long elsewhere;

        @Override
        public String nodeId() {
            return "this";
        }

        @Override
        public ClusterBus withNodeId(String nodeId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Cluster.State state() {
            return up ? Cluster.State.UP : Cluster.State.DOWN;
        }

        @Override
        public void addListener(Consumer<? super Cluster.State> listener) {
        }

        @Override
        public boolean publish(String route, String group, boolean binary, byte[] payload) {
            if (up) {
                published.add(new BusMessage(nodeId(), published.size() + 1, route, group, binary, payload));
            }
            return up;
        }

        @Override
        public void entered(String route, String group, WebSocketSession session) {
        }

        @Override
        public void left(String route, String group, WebSocketSession session) {
        }

        @Override
        public PresenceSettings presence() {
            return PresenceSettings.DEFAULT;
        }

        @Override
        public ClusterBus withPresence(PresenceSettings settings) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Long> countElsewhere(String route, String group) {
            return up ? CompletableFuture.completedFuture(elsewhere)
                    : CompletableFuture.failedFuture(new IllegalStateException("down"));
        }

        @Override
        public CompletionStage<List<PresentSession>> presentElsewhere(String route, String group) {
            return up ? CompletableFuture.completedFuture(List.of(new PresentSession("s1", "other", Map.of())))
                    : CompletableFuture.failedFuture(new IllegalStateException("down"));
        }

        @Override
        public BusCounts counts() {
            return BusCounts.NONE;
        }

        @Override
        public void attach(Consumer<BusMessage> receiver) {
        }

        @Override
        public void detach(Consumer<BusMessage> receiver) {
        }
    }

    private final KeptBus bus = new KeptBus();
    private final RouteSessions chat = new RouteSessions(ClusterViewsTest.class, "/chat/{room}", 0, null,
            EngineEvents.NONE, bus);
    private final Sessions route = SessionView.of(() -> List.of(chat));

    @Test
    void aRouteAGroupAndExceptOneSessionArePublished() {
        assertEquals(new BroadcastResult(0, 0, 0, true), route.broadcastText("all"));
        assertTrue(route.group("room:lobby").broadcastData(new byte[] {1, 2}).published());
        assertTrue(route.group("room:lobby").except(null).broadcastText("others").published());
        assertEquals(3, bus.published.size());
        assertEquals(new BusMessage("this", 1, "/chat/{room}", null, false, "all".getBytes(StandardCharsets.UTF_8)),
                bus.published.get(0));
        assertEquals(new BusMessage("this", 2, "/chat/{room}", "room:lobby", true, new byte[] {1, 2}),
                bus.published.get(1));
        assertEquals("room:lobby", bus.published.get(2).group());
    }

    @Test
    void predicatesThisNodeAndASecondGroupStayHere() {
        assertFalse(route.matching(session -> true).broadcastText("x").published());
        assertFalse(route.group("a").thisNode().broadcastText("x").published());
        assertFalse(route.group("a").group("b").broadcastText("x").published());
        assertFalse(route.thisNode().except(null).broadcastText("x").published());
        assertTrue(bus.published.isEmpty());
    }

    @Test
    void aBusThatIsDownSaysNotPublished() {
        bus.up = false;
        assertEquals(new BroadcastResult(0, 0, 0, false), route.group("g").broadcastText("lost"));
    }

    @Test
    void theInProcessClusterPublishesNothing() {
        RouteSessions alone = new RouteSessions(ClusterViewsTest.class, "/alone", 0, null, EngineEvents.NONE,
                LocalBus.INSTANCE);
        assertFalse(SessionView.of(() -> List.of(alone)).broadcastText("x").published());
        assertEquals(Cluster.State.LOCAL, Cluster.local().state());
    }

    @Test
    void serversSharingABusPublishOncePerRoute() {
        RouteSessions sameRouteOnASecondServer = new RouteSessions(ClusterViewsTest.class, "/chat/{room}", 0, null,
                EngineEvents.NONE, bus);
        SessionView.of(() -> List.of(chat, sameRouteOnASecondServer)).group("g").broadcastText("once");
        assertEquals(1, bus.published.size());
    }

    @Test
    void clusterCallsAddTheOtherNodesToThisOnesForViewsThatPublish() {
        bus.elsewhere = 5;
        ClusterCount count = route.group("g").clusterCount().toCompletableFuture().join();
        assertEquals(5, count.count());
        ClusterList list = route.except(null).clusterList().toCompletableFuture().join();
        assertEquals(List.of(new PresentSession("s1", "other", Map.of())), list.sessions());
        RouteSessions sameRouteOnASecondServer = new RouteSessions(ClusterViewsTest.class, "/chat/{room}", 0, null,
                EngineEvents.NONE, bus);
        assertEquals(1, SessionView.of(() -> List.of(chat, sameRouteOnASecondServer)).clusterList()
                .toCompletableFuture().join().count(), "one node, asked once");
    }

    @Test
    void clusterCallsOfViewsThatActHereAnswerForThisNodeOnly() {
        bus.elsewhere = 5;
        assertEquals(0, route.matching(session -> true).clusterCount().toCompletableFuture().join().count());
        assertEquals(List.of(), route.thisNode().clusterList().toCompletableFuture().join().sessions());
        assertEquals(0, route.group("a").group("b").clusterCount().toCompletableFuture().join().count());
    }

    @Test
    void clusterCallsFailWhileTheBusIsDown() {
        bus.up = false;
        CompletionException failure = assertThrows(CompletionException.class,
                () -> route.clusterCount().toCompletableFuture().join());
        assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertThrows(CompletionException.class, () -> route.group("g").clusterList().toCompletableFuture().join());
    }
}
