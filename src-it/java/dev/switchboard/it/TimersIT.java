package dev.switchboard.it;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.Heartbeat;
import dev.switchboard.OverflowAction;
import dev.switchboard.SendQueueLimits;
import dev.switchboard.Switchboard;
import dev.switchboard.WebSocketSession;
import dev.switchboard.fanout.FanOutRoutes;
import dev.switchboard.fanout.Recorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Heartbeats, idle timeout and send timeout, each on a server of its own with short timers.
 */
class TimersIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeEach
    void reset() {
        Recorded.reset();
    }

    private static Switchboard server(Switchboard.Builder builder) {
        return builder.host("127.0.0.1").port(0).route(FanOutRoutes.Timed.class).build().start();
    }

    private static URI uri(Switchboard server, String name) {
        return URI.create("ws://127.0.0.1:" + server.port() + "/timed?name=" + name);
    }

    private static CloseStatus awaitDisconnect(String name) {
        await().atMost(WAIT).until(() -> Recorded.disconnects.containsKey(name));
        return Recorded.disconnects.get(name).get(0);
    }

    @Test
    void heartbeatKeepsAnsweringClientsAndClosesASilentOne() throws Exception {
        try (Switchboard server = server(Switchboard.builder().heartbeat(Heartbeat.every(Duration.ofMillis(200))));
             WsClient answering = WsClient.connect(uri(server, "answering"));
             RawClient silent = RawClient.upgrade(server.port(), "/timed?name=silent")) {

            CloseStatus status = awaitDisconnect("silent");
            assertEquals(CloseCause.HEARTBEAT_TIMEOUT, status.cause());

            // The JDK client answers every ping: it outlives several heartbeats, and its pongs reach @OnPong.
            await().atMost(WAIT).until(() -> Recorded.pongs.getOrDefault("answering", List.of()).size() >= 3);
            assertTrue(Recorded.sessions.get("answering").isOpen());
            assertFalse(Recorded.disconnects.containsKey("answering"));
        }
    }

    @Test
    void heartbeatsCanBeTurnedOff() throws Exception {
        try (Switchboard server = server(Switchboard.builder().heartbeat(Heartbeat.OFF));
             RawClient silent = RawClient.upgrade(server.port(), "/timed?name=silent")) {
            await().atMost(WAIT).until(() -> Recorded.sessions.containsKey("silent"));
            await().during(Duration.ofMillis(800)).atMost(WAIT)
                    .until(() -> Recorded.sessions.get("silent").isOpen() && !Recorded.disconnects.containsKey("silent"));
        }
    }

    @Test
    void idleTimeoutClosesSessionsWithoutTraffic() {
        try (Switchboard server = server(Switchboard.builder().heartbeat(Heartbeat.OFF)
                .idleTimeout(Duration.ofMillis(300)));
             WsClient quiet = WsClient.connect(uri(server, "quiet"))) {

            assertEquals(1001, quiet.closeCode.orTimeout(30, TimeUnit.SECONDS).join());
            assertEquals("idle timeout", quiet.closeReason);
            CloseStatus status = awaitDisconnect("quiet");
            assertEquals(CloseCause.IDLE_TIMEOUT, status.cause());
        }
    }

    @Test
    void sendTimeoutClosesAClientThatStoppedReading() throws Exception {
        SendQueueLimits patient = new SendQueueLimits(100_000, 1L << 30, OverflowAction.FAIL_SEND, Duration.ofMillis(300));
        try (Switchboard server = server(Switchboard.builder().heartbeat(Heartbeat.OFF).sendQueueLimits(patient));
             RawClient stalled = RawClient.upgrade(server.port(), "/timed?name=stalled")) {
            await().atMost(WAIT).until(() -> Recorded.sessions.containsKey("stalled"));
            WebSocketSession session = Recorded.sessions.get("stalled");
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 1_000 && session.isOpen(); i++) { // 64 MiB at most: far beyond any socket buffer
                session.writeData(chunk);
            }

            CloseStatus status = awaitDisconnect("stalled");
            assertEquals(CloseCause.SLOW_CONSUMER, status.cause());
        }
    }
}
