package dev.switchboard.it.lifecycle;

import dev.switchboard.CloseCause;
import dev.switchboard.SessionState;
import dev.switchboard.ShutdownSummary;
import dev.switchboard.Switchboard;
import dev.switchboard.TestClient;
import dev.switchboard.TestConnection;
import dev.switchboard.WebSocketSession;
import dev.switchboard.it.clients.WsClient;
import dev.switchboard.it.fanout.FanOutRoutes;
import dev.switchboard.it.fanout.Recorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Graceful shutdown: new upgrades get 503 while sessions drain, and stop() sums up what it had to cut.
 */
class DrainIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeEach
    void reset() {
        Recorded.reset();
    }

    @Test
    void upgradesDuringTheDrainGet503AndTheSummaryCountsWhatWasCut() throws Exception {
        Switchboard server = Switchboard.builder().host("127.0.0.1").port(0).route(FanOutRoutes.Timed.class)
                .shutdownTimeout(Duration.ofSeconds(2)).build().start();
        int port = server.port();
        WsClient polite = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/timed?name=polite"));
        try (TestClient client = TestClient.of(server)) {
            client.connect("/timed?name=stalled").stopReading();
            await().atMost(WAIT).until(() -> Recorded.sessions.containsKey("polite") && Recorded.sessions.containsKey("stalled"));
            WebSocketSession stalledSession = Recorded.sessions.get("stalled");
            // The stalled client never reads: fill its queue so that its close waits behind it and the drain lasts.
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 10_000 && !stalledSession.writeData(chunk).toCompletableFuture().isCompletedExceptionally(); i++) {
                // until the queue refuses
            }

            CompletableFuture<ShutdownSummary> stopped = CompletableFuture.supplyAsync(server::stop);
            await().atMost(WAIT).until(() -> stalledSession.state() != SessionState.OPEN);

            TestClient.HandshakeResponse refused = client.handshake("/timed?name=late");
            assertEquals(503, refused.status());
            assertEquals("1", refused.header("Retry-After"), "a reconnecting client comes back after a second");
            assertEquals(1001, polite.closeCode.orTimeout(30, TimeUnit.SECONDS).join());

            ShutdownSummary summary = stopped.get(30, TimeUnit.SECONDS);
            assertEquals(1, summary.closed());
            assertEquals(1, summary.cut());
            assertTrue(summary.unsentMessages() > 0, summary.toString());
            assertEquals(CloseCause.SHUTDOWN, Recorded.disconnects.get("stalled").get(0).cause());
            assertEquals(CloseCause.SHUTDOWN, Recorded.disconnects.get("polite").get(0).cause());
        } finally {
            polite.close();
            server.stop();
        }
    }

    @Test
    void theDrainLastsUntilTheClientAnswersTheCloseAndUpgradesMeanwhileGet503() throws Exception {
        // A shutdown timeout far longer than the test waits: the drain can only end by the client's answer.
        Switchboard server = Switchboard.builder().host("127.0.0.1").port(0).route(FanOutRoutes.Timed.class)
                .shutdownTimeout(Duration.ofMinutes(10)).build().start();
        try (TestClient client = TestClient.of(server)) {
            TestConnection slow = client.connect("/timed?name=slow").ignoreClose();
            await().atMost(WAIT).until(() -> Recorded.sessions.containsKey("slow"));

            CompletableFuture<ShutdownSummary> stopped = CompletableFuture.supplyAsync(server::stop);
            assertEquals(new TestConnection.Close(1001, "server shutting down"), slow.awaitClose());

            // The client has read the close and not answered: the server drains on, refusing upgrades.
            await().pollDelay(Duration.ofMillis(500)).atMost(WAIT).until(() -> true);
            assertFalse(stopped.isDone(), "stop() returned before the client answered its close");
            assertEquals(503, client.handshake("/timed?name=late").status());
            assertFalse(stopped.isDone(), "stop() returned before the client answered its close");

            slow.close(1001, "");
            assertEquals(new ShutdownSummary(1, 0, 0), stopped.get(30, TimeUnit.SECONDS));
            slow.awaitSocketClosed();
            assertEquals(1, Recorded.disconnects.get("slow").size());
            assertEquals(CloseCause.SHUTDOWN, Recorded.disconnects.get("slow").get(0).cause());
            assertFalse(Recorded.sessions.containsKey("late"));
        } finally {
            server.stop();
        }
    }
}
