package dev.switchboard.it.standalone;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.Switchboard;
import dev.switchboard.WebSocketSession;
import dev.switchboard.contract.ContractRoute;
import dev.switchboard.contract.GuardedRoute;
import dev.switchboard.contract.ServerSide;
import dev.switchboard.it.LogCapture;
import dev.switchboard.it.clients.Handshake;
import dev.switchboard.it.clients.RawClient;
import dev.switchboard.it.clients.WsClient;
import dev.switchboard.it.contract.SessionLimitCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the standalone host promises beyond the session contract: an honest bind, port 0, and a draining stop.
 */
class StandaloneHostIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @BeforeEach
    void reset() {
        ServerSide.reset();
    }

    private static Switchboard server(String host) {
        return Switchboard.builder().host(host).port(0).route(ContractRoute.class).build().start();
    }

    private static URI uri(Switchboard server, String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + server.port() + pathAndQuery);
    }

    @Test
    void portZeroPicksAFreePort() {
        try (Switchboard a = server("127.0.0.1"); Switchboard b = server("127.0.0.1")) {
            assertTrue(a.port() > 0);
            assertTrue(b.port() > 0);
            assertNotEquals(a.port(), b.port());
        }
    }

    @Test
    void sessionsBeyondTheServerLimitAreRefusedWith503AtTheHandshake() throws IOException {
        try (Switchboard server = Switchboard.builder().host("127.0.0.1").port(0).maxSessions(1)
                .route(ContractRoute.class).build().start();
             WsClient only = WsClient.connect(uri(server, "/contract/a?name=only"))) {
            await().atMost(WAIT).until(() -> server.openSessions() == 1);
            Handshake refused = Handshake.attempt(uri(server, "/contract/b?name=extra"));
            assertEquals("503 too many sessions, try again later", refused.status() + " " + refused.body());
            assertEquals(1, server.openSessions());
        }
    }

    @Test
    void theServerLimitIsExactForHandshakesAtOnceAndEveryPlaceComesBack() throws Exception {
        try (Switchboard server = Switchboard.builder().host("127.0.0.1").port(0).maxSessions(5)
                .route(ContractRoute.class).route(GuardedRoute.class).build().start()) {
            // Sessions of two routes, in turn, count together; the guarded route's check refuses a missing token
            // with 401.
            AtomicInteger upgrades = new AtomicInteger();
            new SessionLimitCheck(5, name -> uri(server, (upgrades.getAndIncrement() % 2 == 0 ? "/contract/a?name="
                    : "/guarded/b?token=good-x&name=") + name)).run(uri(server, "/guarded/b?name=no-token"), 401);
            await().atMost(WAIT).until(() -> server.openSessions() == 0);
        }
    }

    @Test
    void withBlockingHandlersAHandlerThatBlocksHoldsUpOnlyItsOwnConnection() {
        WaitingRoute.reset();
        try (Switchboard server = Switchboard.builder().host("127.0.0.1").port(0).blockingHandlers(true)
                .route(WaitingRoute.class).build().start();
             WsClient waiting = WsClient.connect(uri(server, "/waiting"))) {
            waiting.sendText("wait");
            await().atMost(WAIT).until(() -> WaitingRoute.WAITING.get() == 1);

            // More connections than selector threads: on them, one would share the blocked handler's thread.
            for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors() + 2; i++) {
                try (WsClient other = WsClient.connect(uri(server, "/waiting"))) {
                    other.sendText("still served " + i);
                    String expected = "still served " + i;
                    await().atMost(WAIT).until(() -> other.texts.contains(expected));
                }
            }
            WaitingRoute.release();
            await().atMost(WAIT).until(() -> waiting.texts.contains("waited"));
        } finally {
            WaitingRoute.release();
        }
    }

    @Test
    void aHandlerThatHoldsAnIoThreadIsReportedOnceWithTheFix() {
        LogCapture logged = LogCapture.start();
        try (Switchboard server = Switchboard.builder().host("127.0.0.1").port(0).blockingHandlers(false)
                .route(WaitingRoute.class).build().start();
             WsClient client = WsClient.connect(uri(server, "/waiting"))) {
            for (int round = 1; round <= 2; round++) {
                WaitingRoute.reset();
                client.sendText("wait");
                await().atMost(WAIT).until(() -> WaitingRoute.WAITING.get() == 1);
                await().pollDelay(Duration.ofMillis(400)).atMost(WAIT).until(() -> true); // the handler holds on
                WaitingRoute.release();
                int replies = round;
                await().atMost(WAIT).until(() -> client.texts.size() == replies);
            }
            assertEquals(List.of("waited", "waited"), client.texts);
            List<String> warnings = logged.records.stream()
                    .filter(r -> r.getLevel() == Level.WARNING && r.getMessage().contains("held an I/O thread"))
                    .map(LogRecord::getMessage).toList();
            assertEquals(1, warnings.size(), () -> "warnings: " + warnings);
            assertTrue(warnings.get(0).contains("/waiting") && warnings.get(0).contains("blockingHandlers(true)"),
                    warnings.get(0));
        } finally {
            logged.close();
            WaitingRoute.release();
        }
    }

    @Test
    void listensOnlyOnTheHostAskedFor() throws IOException {
        try (Switchboard server = server("127.0.0.1")) {
            try (Socket asked = new Socket()) {
                asked.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            }
            // 127.0.0.2 is another loopback address of this machine: a listener on 0.0.0.0 would accept it.
            try (Socket other = new Socket()) {
                assertThrows(ConnectException.class,
                        () -> other.connect(new InetSocketAddress("127.0.0.2", server.port()), 5_000));
            }
        }
    }

    @Test
    void stopFlushesQueuedMessagesThenClosesWith1001() {
        Switchboard server = server("127.0.0.1");
        try (WsClient client = WsClient.connect(uri(server, "/contract/x?name=a"))) {
            await().atMost(WAIT).until(() -> ServerSide.sessions.containsKey("a"));
            WebSocketSession session = ServerSide.sessions.get("a");
            session.writeText("last words");

            server.stop();

            assertEquals(1001, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            assertEquals(List.of("last words"), client.texts);
            assertEquals(List.of(new CloseStatus(1001, "server shutting down", CloseCause.SHUTDOWN)),
                    ServerSide.disconnects.get("a"));
            assertEquals(0, server.openSessions());
        }
    }

    @Test
    void stopCutsClientsThatNeverAnswerWithinTheDeadline() throws IOException {
        Switchboard server = Switchboard.builder().host("127.0.0.1").port(0).route(ContractRoute.class)
                .shutdownTimeout(Duration.ofMillis(500)).build().start();
        try (RawClient silent = RawClient.upgrade(uri(server, "/contract/x?name=silent"))) {
            await().atMost(WAIT).until(() -> ServerSide.sessions.containsKey("silent"));

            server.stop();

            assertEquals(1, ServerSide.disconnects.get("silent").size());
            assertEquals(CloseCause.SHUTDOWN, ServerSide.disconnects.get("silent").get(0).cause());
            assertEquals(0, server.openSessions());
        }
    }

    @Test
    void staticFilesComeFirstThenAPlainGetOnARoutesPathGets426() throws IOException {
        // src-it/resources/plain: index.html, and contract/notes.txt on a path /contract/{room} matches.
        try (Switchboard server = Switchboard.builder().host("127.0.0.1").port(0).route(ContractRoute.class)
                .staticFiles("plain").build().start()) {
            assertEquals(200, plainGet(server, "/").status());
            assertEquals("a static file on a route path\n", plainGet(server, "/contract/notes.txt").body());
            assertEquals(404, plainGet(server, "/missing.html").status());
            Handshake route = plainGet(server, "/contract/lobby");
            assertEquals(426, route.status());
            assertEquals("websocket", route.header("Upgrade"));
        }
    }

    private static Handshake plainGet(Switchboard server, String path) throws IOException {
        return Handshake.attempt(uri(server, path), "GET", Map.of());
    }

    @Test
    void stopTwiceIsHarmless() {
        Switchboard server = server("127.0.0.1");
        server.stop();
        server.stop();
    }
}
