package dev.switchboard.it.fanout;

import dev.switchboard.BroadcastResult;
import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.SendOverflowException;
import dev.switchboard.Sessions;
import dev.switchboard.Switchboard;
import dev.switchboard.WebSocketSession;
import dev.switchboard.it.clients.RawClient;
import dev.switchboard.it.clients.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broadcast to a route, a group and a predicate; counts; and the overflow actions, with clients that stop
 * reading.
 */
class FanOutIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Switchboard server;

    @BeforeAll
    static void start() {
        server = Switchboard.builder().host("127.0.0.1").port(0)
                .route(FanOutRoutes.Room.class)
                .route(FanOutRoutes.Tiny.class)
                .route(FanOutRoutes.DropOldest.class)
                .route(FanOutRoutes.TryLater.class)
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        // Sessions of the previous test may still be closing: start from empty routes.
        for (Class<?> route : List.of(FanOutRoutes.Room.class, FanOutRoutes.Tiny.class,
                FanOutRoutes.DropOldest.class, FanOutRoutes.TryLater.class)) {
            await().atMost(WAIT).until(() -> Sessions.of(route).count() == 0);
        }
        Recorded.reset();
    }

    private static URI uri(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + server.port() + pathAndQuery);
    }

    private static WebSocketSession session(String name) {
        await().atMost(WAIT).until(() -> Recorded.sessions.containsKey(name));
        return Recorded.sessions.get(name);
    }

    private static List<WsClient> clients(String path, String... names) {
        List<WsClient> clients = new ArrayList<>();
        for (String name : names) {
            clients.add(WsClient.connect(uri(path + "?name=" + name)));
            session(name);
        }
        return clients;
    }

    private static void closeAll(List<WsClient> clients) {
        clients.forEach(WsClient::close);
    }

    @Test
    void broadcastReachesEverySessionOfTheRouteAndCountsThem() {
        List<WsClient> clients = clients("/fanout", "a", "b", "c");
        try {
            Sessions room = Sessions.of(FanOutRoutes.Room.class);
            assertEquals(3, room.count());
            assertEquals(Set.of("a", "b", "c"),
                    room.list().stream().map(s -> s.queryParam("name")).collect(Collectors.toSet()));

            BroadcastResult result = room.broadcastText("to all");

            assertEquals(new BroadcastResult(3, 0, 0), result);
            for (WsClient client : clients) {
                await().atMost(WAIT).until(() -> client.texts.contains("to all"));
            }
            assertEquals(3, server.sessions(FanOutRoutes.Room.class).count());
            assertEquals(0, server.sessions(FanOutRoutes.Tiny.class).count());
        } finally {
            closeAll(clients);
        }
    }

    @Test
    void aRouteServedByTwoServersIsOneViewUntilOneStops() {
        List<WsClient> clients = new ArrayList<>(clients("/fanout", "here"));
        try (Switchboard second = Switchboard.builder().host("127.0.0.1").port(0).route(FanOutRoutes.Room.class)
                .build().start()) {
            clients.add(WsClient.connect(URI.create("ws://127.0.0.1:" + second.port() + "/fanout?name=there")));
            session("there");
            Sessions room = Sessions.of(FanOutRoutes.Room.class);
            assertEquals(2, room.count());
            assertEquals(1, server.sessions(FanOutRoutes.Room.class).count());
            assertEquals(1, second.sessions(FanOutRoutes.Room.class).count());

            assertEquals(new BroadcastResult(2, 0, 0), room.broadcastText("to both servers"));
            for (WsClient client : clients) {
                await().atMost(WAIT).until(() -> client.texts.contains("to both servers"));
            }

            second.stop();
            assertEquals(1, room.count());
            assertEquals(Set.of("here"), room.list().stream().map(s -> s.queryParam("name")).collect(Collectors.toSet()));
        } finally {
            closeAll(clients);
        }
    }

    @Test
    void broadcastToAllButTheSender() {
        List<WsClient> clients = clients("/fanout", "a", "b", "c");
        try {
            clients.get(0).sendText("others:hello from a");

            await().atMost(WAIT).until(() -> clients.get(0).texts.contains("sent 2/0/0"));
            await().atMost(WAIT).until(() -> clients.get(1).texts.contains("hello from a")
                    && clients.get(2).texts.contains("hello from a"));
            assertEquals(List.of("sent 2/0/0"), clients.get(0).texts);
        } finally {
            closeAll(clients);
        }
    }

    @Test
    void broadcastToAGroupAndGroupsAreLeftOnDisconnect() {
        List<WsClient> clients = clients("/fanout", "a", "b", "c");
        try {
            clients.get(0).sendText("join:blue");
            clients.get(1).sendText("join:blue");
            clients.get(2).sendText("join:red");
            for (WsClient client : clients) {
                await().atMost(WAIT).until(() -> client.texts.contains("ok"));
            }
            Sessions blue = Sessions.of(FanOutRoutes.Room.class).group("blue");
            assertEquals(2, blue.count());
            assertEquals(Set.of("blue"), session("a").groups());

            assertEquals(new BroadcastResult(2, 0, 0), blue.broadcastText("blue news"));
            await().atMost(WAIT).until(() -> clients.get(0).texts.contains("blue news")
                    && clients.get(1).texts.contains("blue news"));

            clients.get(1).sendClose(1000, "bye");
            await().atMost(WAIT).until(() -> Recorded.disconnects.containsKey("b"));
            assertEquals(1, blue.count());
            clients.get(0).sendText("leave:blue");
            await().atMost(WAIT).until(() -> blue.count() == 0);
            assertEquals(1, Sessions.of(FanOutRoutes.Room.class).group("red").count());
            assertTrue(clients.get(2).texts.stream().noneMatch(t -> t.equals("blue news")));
        } finally {
            closeAll(clients);
        }
    }

    @Test
    void broadcastToThoseMatchingAPredicate() {
        List<WsClient> clients = clients("/fanout", "ann", "bob", "amy");
        try {
            Sessions namedA = Sessions.of(FanOutRoutes.Room.class)
                    .matching(s -> s.queryParam("name").startsWith("a"));

            assertEquals(new BroadcastResult(2, 0, 0), namedA.broadcastText("hi a"));
            await().atMost(WAIT).until(() -> clients.get(0).texts.contains("hi a") && clients.get(2).texts.contains("hi a"));
            assertTrue(clients.get(1).texts.isEmpty());
        } finally {
            closeAll(clients);
        }
    }

    @Test
    void aClientThatStopsReadingDoesNotHoldUpTheOthersAndIsCountedAsDropped() throws Exception {
        // The readers count the messages and keep none: a hundred of them would take megabytes each.
        List<WsClient> readers = new ArrayList<>();
        List<AtomicInteger> received = new ArrayList<>();
        try (RawClient stalled = RawClient.upgrade(server.port(), "/fanout/tiny?name=stalled")) {
            for (int i = 0; i < 100; i++) {
                AtomicInteger count = new AtomicInteger();
                received.add(count);
                readers.add(WsClient.connect(uri("/fanout/tiny?name=r" + i), text -> count.incrementAndGet()));
            }
            await().atMost(WAIT).until(() -> Sessions.of(FanOutRoutes.Tiny.class).count() == 101);
            Sessions everyone = Sessions.of(FanOutRoutes.Tiny.class);
            WebSocketSession stalledSession = session("stalled");
            String chunk = "x".repeat(16 * 1024);

            // One message at a time, each read by every reader before the next: the readers' queues of four never
            // fill, however slowly a hundred clients on a busy machine read, and the stalled client's queue fills
            // once the socket buffers are full, however large they are.
            int messages = 0;
            while (stalledSession.droppedMessages() == 0 && messages < 2_000) {
                BroadcastResult result = everyone.broadcastText(chunk);
                messages++;
                assertEquals(stalledSession.droppedMessages() == 0 ? 0 : 1, result.dropped(), "only the stalled client drops");
                int sent = messages;
                await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                        .until(() -> received.stream().allMatch(count -> count.get() == sent));
            }

            assertTrue(stalledSession.isOpen(), "a failed send keeps the session");
            assertTrue(stalledSession.droppedMessages() >= 1);
            assertTrue(everyone.droppedMessages() >= 1);
        } finally {
            readers.forEach(WsClient::close);
        }
    }

    @Test
    void aClosingSessionIsSkipped() throws Exception {
        try (RawClient stalled = RawClient.upgrade(server.port(), "/fanout/tiny?name=stalled");
             WsClient reader = WsClient.connect(uri("/fanout/tiny?name=reader"))) {
            WebSocketSession stalledSession = session("stalled");
            session("reader");
            // Fill the stalled client's queue, so that its close waits behind it.
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 10_000 && !stalledSession.writeData(chunk).toCompletableFuture().isCompletedExceptionally(); i++) {
                // keep writing until the queue refuses
            }
            stalledSession.close();

            BroadcastResult result = Sessions.of(FanOutRoutes.Tiny.class).broadcastText("after close");

            assertEquals(new BroadcastResult(1, 0, 1), result);
        }
    }

    @Test
    void dropOldestKeepsTheNewestMessages() throws Exception {
        try (RawClient stalled = RawClient.upgrade(server.port(), "/fanout/drop-oldest?name=s")) {
            WebSocketSession session = session("s");
            byte[] chunk = new byte[64 * 1024];
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int i = 0; i < 2_000 && session.droppedMessages() == 0; i++) {
                writes.add(session.writeData(chunk).toCompletableFuture());
            }

            assertTrue(session.droppedMessages() > 0, "the stalled client's oldest messages were dropped");
            CompletableFuture<Void> newest = writes.get(writes.size() - 1);
            assertFalse(newest.isCompletedExceptionally(), "the newest message is kept");
            CompletableFuture<Void> evicted = writes.stream().filter(CompletableFuture::isCompletedExceptionally)
                    .findFirst().orElseThrow();
            assertInstanceOf(SendOverflowException.class, assertThrows(CompletionException.class, evicted::join).getCause());
            assertTrue(session.isOpen());
        }
    }

    @Test
    void closeTryAgainLaterClosesWith1013() throws Exception {
        try (RawClient stalled = RawClient.upgrade(server.port(), "/fanout/try-later?name=s")) {
            WebSocketSession session = session("s");
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 10_000 && session.isOpen(); i++) {
                session.writeData(chunk);
            }

            await().atMost(WAIT).until(() -> Recorded.disconnects.containsKey("s"));
            CloseStatus status = Recorded.disconnects.get("s").get(0);
            assertEquals(CloseStatus.TRY_AGAIN_LATER, status.code());
            assertEquals(CloseCause.SLOW_CONSUMER, status.cause());
        }
    }

    @Test
    void heapStaysBoundedWhileBroadcastingToAClientThatNeverReads() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (RawClient stalled = RawClient.upgrade(server.port(), "/fanout/tiny?name=stalled")) {
            session("stalled");
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            Sessions everyone = Sessions.of(FanOutRoutes.Tiny.class);
            byte[] chunk = new byte[256 * 1024];
            long offered = 0;
            for (int i = 0; i < 2_000; i++) { // 500 MiB offered in all
                everyone.broadcastData(chunk.clone());
                offered += chunk.length;
            }
            System.gc();
            long growth = memory.getHeapMemoryUsage().getUsed() - before;

            // The queue holds at most 4 messages (1 MiB); the socket buffers hold a few more MiB at most.
            assertTrue(growth < 64L << 20, "heap grew by " + (growth >> 20) + " MiB after offering "
                    + (offered >> 20) + " MiB to a client that never reads");
            assertTrue(session("stalled").droppedMessages() > 1_900);
        }
    }
}
