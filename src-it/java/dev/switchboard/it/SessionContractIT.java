package dev.switchboard.it;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.OverflowAction;
import dev.switchboard.SendOverflowException;
import dev.switchboard.SendQueueLimits;
import dev.switchboard.SessionClosedException;
import dev.switchboard.SessionState;
import dev.switchboard.Switchboard;
import dev.switchboard.WebSocketSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The route and session contract, over real sockets with the JDK's WebSocket client.
 */
class SessionContractIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static Switchboard server;

    @BeforeAll
    static void start() {
        server = Switchboard.builder()
                .host("127.0.0.1")
                .port(0)
                // Room for the concurrent-writes test; the slow-consumer routes set small limits of their own.
                .sendQueueLimits(new SendQueueLimits(16_384, 64L << 20, OverflowAction.FAIL_SEND))
                .route(ContractRoute.class)
                .route(TextOnlyRoute.class)
                .route(SharedRoute.class)
                .route(SlowConsumerRoutes.FailSend.class)
                .route(SlowConsumerRoutes.CloseSession.class)
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        ServerSide.reset();
    }

    private static URI uri(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + server.port() + pathAndQuery);
    }

    private static WebSocketSession serverSession(String name) {
        await().atMost(WAIT).until(() -> ServerSide.sessions.containsKey(name));
        return ServerSide.sessions.get(name);
    }

    private static CloseStatus awaitDisconnect(String name) {
        await().atMost(WAIT).until(() -> ServerSide.disconnects.containsKey(name));
        return ServerSide.disconnects.get(name).get(0);
    }

    @Test
    void textAndBinaryMessagesGoBothWays() {
        try (WsClient client = WsClient.connect(uri("/contract/lobby?name=a"))) {
            client.sendText("echo:hello");
            byte[] data = new byte[1000];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) i;
            }
            client.sendBinary(data);
            client.sendText("room");

            await().atMost(WAIT).until(() -> client.texts.size() == 2 && client.binaries.size() == 1);
            assertEquals(List.of("hello", "lobby"), client.texts);
            assertEquals(ByteBuffer.wrap(data), client.binaries.get(0));
        }
    }

    @Test
    void sessionKnowsItsHandshake() {
        try (WsClient client = WsClient.connect(uri("/contract/r%C3%A9?name=b&x=1&x=2&word=%C3%A9t%C3%A9"),
                Map.of("X-Token", "secret", "X-Agent", "Mozilla/5.0 (X11, Linux)"))) {
            WebSocketSession session = serverSession("b");

            assertEquals("ré", session.pathParam("room"));
            assertEquals(Map.of("room", "ré"), session.pathParams());
            assertNull(session.pathParam("nope"));
            assertEquals("1", session.queryParam("x"));
            assertEquals(List.of("1", "2"), session.queryParams().get("x"));
            assertEquals("été", session.queryParam("word"));
            assertNull(session.queryParam("missing"));
            assertEquals("secret", session.header("x-token"));
            assertEquals("secret", session.header("X-TOKEN"));
            assertNull(session.header("X-Missing"));
            assertEquals("Mozilla/5.0 (X11, Linux)", session.header("x-agent"));
            assertEquals("/contract/r%C3%A9", session.requestUri().getRawPath());
            assertEquals("name=b&x=1&x=2&word=%C3%A9t%C3%A9", session.requestUri().getRawQuery());
            assertEquals("127.0.0.1", session.remoteAddress().getAddress().getHostAddress());
            assertNull(session.subprotocol());
            assertNull(session.principal());
            assertTrue(session.isOpen());
            assertEquals(SessionState.OPEN, session.state());
            assertFalse(session.id().isEmpty());

            session.attributes().put("user", "ann");
            assertEquals("ann", serverSession("b").attributes().get("user"));
        }
    }

    @Test
    void remoteAddressCarriesThePeerPort() throws Exception {
        try (RawClient raw = RawClient.upgrade(server.port(), "/contract/x?name=raw")) {
            assertEquals(101, raw.statusCode());
            InetSocketAddress remote = serverSession("raw").remoteAddress();
            assertEquals("127.0.0.1", remote.getAddress().getHostAddress());
            assertEquals(raw.localPort(), remote.getPort());
        }
    }

    @Test
    void sessionsHaveDistinctIds() {
        try (WsClient a = WsClient.connect(uri("/contract/x?name=a"));
             WsClient b = WsClient.connect(uri("/contract/x?name=b"))) {
            assertNotEquals(serverSession("a").id(), serverSession("b").id());
        }
    }

    @Test
    void connectedComesFirstAndDisconnectedOnceAndLast() {
        WsClient client = WsClient.connect(uri("/contract/x?name=c"));
        for (int i = 0; i < 20; i++) {
            client.sendText("m" + i);
        }
        client.sendClose(4001, "done");
        CloseStatus status = awaitDisconnect("c");

        assertEquals(new CloseStatus(4001, "done", CloseCause.CLIENT_CLOSED), status);
        List<String> events = ServerSide.eventsOf("c");
        assertEquals("connected:c:x", events.get(0));
        assertEquals("disconnected:c:4001:CLIENT_CLOSED", events.get(events.size() - 1));
        assertEquals(22, events.size(), events::toString);
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> ServerSide.disconnects.get("c").size() == 1);
    }

    @Test
    void textWrittenBeforeCloseArrivesFirst() {
        try (WsClient client = WsClient.connect(uri("/contract/x?name=bye"))) {
            client.sendText("bye");
            assertEquals(4000, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            assertEquals("see you", client.closeReason);
            assertEquals(List.of("Goodbye!"), client.texts);
            assertEquals(new CloseStatus(4000, "see you", CloseCause.SERVER_CLOSED), awaitDisconnect("bye"));
        }
    }

    @Test
    void replyToTheLastMessageBeforeTheClientsCloseStillArrives() {
        try (WsClient client = WsClient.connect(uri("/contract/x?name=last"))) {
            client.socket().sendText("echo:last reply", true)
                    .thenCompose(socket -> socket.sendClose(1000, "done"))
                    .orTimeout(20, TimeUnit.SECONDS).join();

            assertEquals(1000, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            assertEquals(List.of("last reply"), client.texts);
            assertEquals(CloseCause.CLIENT_CLOSED, awaitDisconnect("last").cause());
        }
    }

    @Test
    void closeFromAnotherThreadAndWritesAfterItFail() {
        try (WsClient client = WsClient.connect(uri("/contract/x?name=d"))) {
            WebSocketSession session = serverSession("d");
            session.writeText("first");
            session.close(4002, "from outside");
            CompletionStage<Void> late = session.writeText("too late");

            assertEquals(4002, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            assertEquals(List.of("first"), client.texts);
            CompletionException failure = assertThrows(CompletionException.class,
                    () -> late.toCompletableFuture().join());
            assertInstanceOf(SessionClosedException.class, failure.getCause());
            assertEquals(CloseCause.SERVER_CLOSED, awaitDisconnect("d").cause());
            assertFalse(session.isOpen());
            assertEquals(SessionState.CLOSED, session.state());
        }
    }

    @Test
    void closeRefusesCodesThatMayNotBeSent() {
        try (WsClient client = WsClient.connect(uri("/contract/x?name=e"))) {
            WebSocketSession session = serverSession("e");
            assertThrows(IllegalArgumentException.class, () -> session.close(1006, "reserved"));
            assertThrows(IllegalArgumentException.class, () -> session.close(1000, "x".repeat(124)));
            assertTrue(session.isOpen());
        }
    }

    @Test
    void droppedConnectionWithoutCloseFrameDisconnectsExactlyOnce() throws Exception {
        RawClient fin = RawClient.upgrade(server.port(), "/contract/x?name=fin");
        RawClient rst = RawClient.upgrade(server.port(), "/contract/x?name=rst");
        serverSession("fin");
        serverSession("rst");

        fin.vanish();
        rst.reset();

        CloseStatus status = awaitDisconnect("fin");
        assertEquals(1006, status.code());
        assertEquals(CloseCause.CONNECTION_LOST, status.cause());
        assertEquals(CloseCause.CONNECTION_LOST, awaitDisconnect("rst").cause());
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() ->
                ServerSide.disconnects.get("fin").size() == 1 && ServerSide.disconnects.get("rst").size() == 1);
    }

    @Test
    void handlerExceptionGoesToOnErrorThenClosesWith1011() {
        try (WsClient client = WsClient.connect(uri("/contract/x?name=f"))) {
            client.sendText("fail");

            assertEquals(1011, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            CloseStatus status = awaitDisconnect("f");
            assertEquals(CloseCause.HANDLER_FAILED, status.cause());
            assertEquals(1011, status.code());
            assertEquals("handler failed on purpose", ServerSide.errors.get("f").get(0).getMessage());
            List<String> events = ServerSide.eventsOf("f");
            assertEquals("error:f:handler failed on purpose", events.get(events.size() - 2));
        }
    }

    @Test
    void eightThreadsWritingToOneSessionKeepPerThreadOrder() throws Exception {
        try (WsClient client = WsClient.connect(uri("/contract/x?name=g"))) {
            WebSocketSession session = serverSession("g");
            int threads = 8;
            int writes = 1000;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            List<Future<List<CompletableFuture<Void>>>> perThread = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                perThread.add(pool.submit(() -> {
                    go.await();
                    List<CompletableFuture<Void>> mine = new ArrayList<>();
                    for (int i = 0; i < writes; i++) {
                        mine.add(session.writeText(thread + ":" + i).toCompletableFuture());
                    }
                    return mine;
                }));
            }
            go.countDown();
            for (var f : perThread) {
                sent.addAll(f.get(30, TimeUnit.SECONDS));
            }
            pool.shutdown();
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            await().atMost(WAIT).until(() -> client.texts.size() == threads * writes);
            int[] next = new int[threads];
            for (String text : client.texts) {
                String[] parts = text.split(":");
                int thread = Integer.parseInt(parts[0]);
                assertEquals(next[thread]++, Integer.parseInt(parts[1]), "order of thread " + thread);
            }
            assertTrue(session.isOpen());
        }
    }

    @Test
    void routeWithoutBinaryHandlerClosesWith1003() {
        try (WsClient client = WsClient.connect(uri("/text-only?name=h"))) {
            client.sendBinary(new byte[]{1, 2, 3});
            assertEquals(1003, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            assertEquals(CloseCause.UNSUPPORTED_DATA, awaitDisconnect("h").cause());
        }
    }

    @Test
    void eachConnectionGetsItsOwnInstanceUnlessShared() {
        try (WsClient a = WsClient.connect(uri("/text-only?name=i1"));
             WsClient b = WsClient.connect(uri("/text-only?name=i2"));
             WsClient c = WsClient.connect(uri("/shared?name=s1"));
             WsClient d = WsClient.connect(uri("/shared?name=s2"))) {
            String i1 = instanceOf("i1");
            String i2 = instanceOf("i2");
            String s1 = instanceOf("s1");
            String s2 = instanceOf("s2");
            assertNotEquals(i1, i2);
            assertEquals(s1, s2);
        }
    }

    private static String instanceOf(String name) {
        await().atMost(WAIT).until(() -> !ServerSide.eventsOf(name).isEmpty());
        return ServerSide.eventsOf(name).get(0).split(":")[2];
    }

    @Test
    void pingIsAnsweredByPongHandler() {
        try (WsClient client = WsClient.connect(uri("/contract/x?name=p"))) {
            serverSession("p").ping(ByteBuffer.wrap("hi".getBytes(StandardCharsets.UTF_8)))
                    .toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join();
            await().atMost(WAIT).until(() -> ServerSide.eventsOf("p").contains("pong:p:hi"));
            assertThrows(IllegalArgumentException.class,
                    () -> serverSession("p").ping(ByteBuffer.allocate(126)));
        }
    }

    @Test
    void fullQueueFailsTheSendAndKeepsTheSession() throws Exception {
        try (RawClient stalled = RawClient.upgrade(server.port(), "/slow/fail?name=slow")) {
            WebSocketSession session = serverSession("slow");
            Throwable refusal = writeUntilRefused(session);

            assertInstanceOf(SendOverflowException.class, refusal);
            assertTrue(refusal.getMessage().contains("limits 8 messages"), refusal.getMessage());
            assertTrue(session.isOpen());
            assertTrue(session.bufferedAmount() > 0);
        }
    }

    @Test
    void fullQueueClosesTheSessionWhenTheRouteSaysSo() throws Exception {
        try (RawClient stalled = RawClient.upgrade(server.port(), "/slow/close?name=slow")) {
            WebSocketSession session = serverSession("slow");
            writeUntilRefused(session);

            CloseStatus status = awaitDisconnect("slow");
            assertEquals(CloseCause.SLOW_CONSUMER, status.cause());
            assertEquals(CloseStatus.POLICY_VIOLATION, status.code());
            assertFalse(session.isOpen());
        }
    }

    /** Writes 64 KiB messages to a session whose client does not read, until the queue refuses one. */
    private static Throwable writeUntilRefused(WebSocketSession session) {
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 10_000; i++) {
            CompletableFuture<Void> write = session.writeData(chunk).toCompletableFuture();
            if (write.isCompletedExceptionally()) {
                return assertThrows(CompletionException.class, write::join).getCause();
            }
        }
        throw new AssertionError("10,000 writes of 64 KiB to a client that does not read were all accepted");
    }

    @Test
    void wrongPathGets404() throws Exception {
        CompletionException failure = assertThrows(CompletionException.class,
                () -> WsClient.connect(uri("/no/such/route")));
        assertInstanceOf(WebSocketHandshakeException.class, failure.getCause());
        assertEquals(404, ((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode());
        try (RawClient raw = RawClient.upgrade(server.port(), "/contract")) {
            assertEquals(404, raw.statusCode());
        }
    }

    @Test
    void otherSessionsAreUntouchedByOnesFailure() {
        try (WsClient healthy = WsClient.connect(uri("/contract/x?name=ok"));
             WsClient failing = WsClient.connect(uri("/contract/x?name=bad"))) {
            failing.sendText("fail");
            assertEquals(1011, failing.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            healthy.sendText("echo:still here");
            await().atMost(WAIT).until(() -> healthy.texts.contains("still here"));
            assertEquals(Set.of("bad"), ServerSide.disconnects.keySet());
        }
    }
}
