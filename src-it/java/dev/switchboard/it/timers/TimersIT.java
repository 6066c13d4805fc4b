package dev.switchboard.it.timers;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.Heartbeat;
import dev.switchboard.OverflowAction;
import dev.switchboard.SendQueueLimits;
import dev.switchboard.Switchboard;
import dev.switchboard.TestClient;
import dev.switchboard.TestConnection;
import dev.switchboard.WebSocketSession;
import dev.switchboard.it.LogCapture;
import dev.switchboard.it.clients.RawClient;
import dev.switchboard.it.clients.WsClient;
import dev.switchboard.it.fanout.FanOutRoutes;
import dev.switchboard.it.fanout.Recorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;

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
             TestClient client = TestClient.of(server)) {
            TestConnection silent = client.connect("/timed?name=silent").ignorePings();

            CloseStatus status = awaitDisconnect("silent");
            assertEquals(CloseCause.HEARTBEAT_TIMEOUT, status.cause());
            assertEquals(new TestConnection.Close(1001, "heartbeat timeout"), silent.awaitClose());

            // The JDK client answers every ping: it outlives several heartbeats, and its pongs reach @OnPong.
            await().atMost(WAIT).until(() -> Recorded.pongs.getOrDefault("answering", List.of()).size() >= 3);
            assertTrue(Recorded.sessions.get("answering").isOpen());
            assertFalse(Recorded.disconnects.containsKey("answering"));
        }
    }

    @Test
    void theFirstPingComesAboutOneIntervalAfterTheOpenNotAtOnce() throws Exception {
        // A 6 s interval: the first ping is due 4.5 to 7.5 s after the open, and the clock ticks every second.
        try (Switchboard server = server(Switchboard.builder().heartbeat(Heartbeat.every(Duration.ofSeconds(6))));
             TestClient client = TestClient.of(server)) {
            TestConnection fresh = client.connect("/timed?name=fresh");
            await().atMost(WAIT).until(() -> Recorded.sessions.containsKey("fresh"));
            WebSocketSession session = Recorded.sessions.get("fresh");

            // Two seconds, two ticks of the clock, then a message: no ping came before it.
            await().during(Duration.ofSeconds(2)).atMost(WAIT).until(session::isOpen);
            session.writeText("two seconds in");
            assertEquals("two seconds in", fresh.awaitText());
            assertEquals(0, fresh.pings().size(), "a ping before the text");

            // The ping comes later.
            await().atMost(WAIT).until(() -> !fresh.pings().isEmpty());
        }
    }

    @Test
    void sessionsOpenedTogetherAreNotAllPingedInOneTick() throws Exception {
        // The clock's TRACE line per tick says how many sessions that tick pinged.
        Logger clock = Logger.getLogger("dev.switchboard.runtime.SessionClock");
        Level level = clock.getLevel();
        clock.setLevel(Level.FINEST);
        List<RawClient> clients = List.of();
        // A 2 s interval: the clock ticks every 500 ms; 30 s for the pong, so that no one is closed meanwhile.
        try (LogCapture logged = LogCapture.start();
             Switchboard server = server(Switchboard.builder()
                     .heartbeat(new Heartbeat(Duration.ofSeconds(2), Duration.ofSeconds(30))))) {
            List<URI> uris = IntStream.range(0, 200).mapToObj(i -> uri(server, "together-" + i)).toList();
            clients = RawClient.upgradeAll(uris, 4);
            assertTrue(clients.stream().allMatch(client -> client.statusCode() == 101));

            List<Integer> perTick = await().atMost(WAIT).until(() -> firstPingsPerTick(logged, 200),
                    ticks -> ticks.stream().mapToInt(Integer::intValue).sum() >= 200);
            // Spread over half an interval, a tick holds about half of them: never all, nor three quarters.
            assertTrue(perTick.size() >= 2 && perTick.stream().allMatch(pings -> pings <= 150),
                    "the first pings of 200 sessions opened together, per tick: " + perTick);
            for (RawClient client : clients) {
                assertEquals(9, client.readFrame().opcode());
            }
        } finally {
            for (RawClient client : clients) {
                client.close();
            }
            clock.setLevel(level);
        }
    }

    /** The pings of each tick the clock logged, until {@code sessions} of them. */
    private static List<Integer> firstPingsPerTick(LogCapture logged, int sessions) {
        List<Integer> perTick = new ArrayList<>();
        int sum = 0;
        for (LogRecord record : logged.records) {
            String message = record.getMessage();
            if (sum < sessions && message != null && message.startsWith("Heartbeat pings: ")) {
                int pings = Integer.parseInt(message.substring("Heartbeat pings: ".length(), message.indexOf(" of ")));
                perTick.add(pings);
                sum += pings;
            }
        }
        return perTick;
    }

    @Test
    void heartbeatsCanBeTurnedOff() throws Exception {
        try (Switchboard server = server(Switchboard.builder().heartbeat(Heartbeat.OFF));
             TestClient client = TestClient.of(server)) {
            TestConnection silent = client.connect("/timed?name=silent").ignorePings();
            await().atMost(WAIT).until(() -> Recorded.sessions.containsKey("silent"));
            await().during(Duration.ofMillis(800)).atMost(WAIT)
                    .until(() -> Recorded.sessions.get("silent").isOpen() && !Recorded.disconnects.containsKey("silent"));
            assertEquals(List.of(), silent.pings());
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
             TestClient client = TestClient.of(server)) {
            client.connect("/timed?name=stalled").stopReading();
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
