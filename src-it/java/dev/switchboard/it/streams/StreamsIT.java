package dev.switchboard.it.streams;

import dev.switchboard.CloseStatus;
import dev.switchboard.OnBinary;
import dev.switchboard.OnDisconnected;
import dev.switchboard.OnError;
import dev.switchboard.OnText;
import dev.switchboard.Route;
import dev.switchboard.Switchboard;
import dev.switchboard.WebSocketSession;
import dev.switchboard.docs.UploadRoute;
import dev.switchboard.it.clients.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Streams and fragments on the standalone server, where the test shares the server's JVM: the docs' upload route,
 * order between a stream handler and the messages after it, back-pressure on the client while a stream handler
 * does not read, a handler that returns early or throws, the server's stream limit, exact frames as parts, and
 * a stop while a handler waits for the rest of its message.
 */
class StreamsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int FRAGMENT = 64 * 1024;

    /**
     * What the routes saw of the running test's sessions, in order: a session of an earlier test may still report its
     * end after the next test began, and is left out by the test id it connected with ({@link #uri}).
     */
    static final List<String> events = new CopyOnWriteArrayList<>();
    /** The id of the running test, which its clients connect with. */
    static volatile String test = "";
    /** Holds the stream handlers of {@link Held} until a test lets them go. */
    static volatile CountDownLatch release = new CountDownLatch(0);

    private static Switchboard server;

    /** Reads a stream, then waits for {@link #release} before it returns; texts are taken whole. */
    @Route(value = "/held", maxStreamBytes = 1L << 40)
    public static class Held {

        /** The thread the last stream handler ran on. */
        static volatile Thread streamThread;

        @OnBinary
        String data(WebSocketSession session, InputStream data) throws Exception {
            streamThread = Thread.currentThread();
            record(session, "stream on " + Thread.currentThread().getName());
            release.await();
            long bytes = data.transferTo(java.io.OutputStream.nullOutputStream());
            record(session, "stream read " + bytes);
            return "read " + bytes;
        }

        @OnText
        String text(WebSocketSession session, String text) {
            record(session, "text " + text);
            return "text " + text;
        }

        @OnDisconnected
        void left(WebSocketSession session, CloseStatus status) {
            record(session, "disconnected " + status.code() + " " + status.cause());
        }
    }

    /** Returns after a few bytes, or throws, as the first byte of the message says. */
    @Route("/early")
    public static class Early {

        @OnBinary
        String data(InputStream data) throws IOException {
            int first = data.read();
            if (first == 1) {
                throw new IllegalStateException("asked to fail");
            }
            return "read " + (1 + data.readNBytes(9).length) + " of it";
        }

        @OnText
        String text(String text) {
            return "text " + text;
        }

        @OnError
        void failed(WebSocketSession session, Throwable error) {
            record(session, "error " + error.getMessage());
        }

        @OnDisconnected
        void left(WebSocketSession session, CloseStatus status) {
            record(session, "disconnected " + status.code() + " " + status.cause());
        }
    }

    /** Takes binary fragments, under the server's stream limit, and replies with each part's flag. */
    @Route("/fragment-parts")
    public static class Parts {

        private final StringBuilder flags = new StringBuilder();

        @OnBinary
        void data(byte[] part, boolean last, WebSocketSession session) {
            flags.append(part.length).append(last ? "t " : "f ");
            if (last) {
                session.writeText(flags.toString().trim());
                flags.setLength(0);
            }
        }

        @OnDisconnected
        void left(WebSocketSession session, CloseStatus status) {
            record(session, "disconnected " + status.code() + " " + status.cause());
        }
    }

    /** Notes an event of a session of the running test. */
    static void record(WebSocketSession session, String event) {
        if (test.equals(session.queryParam("test"))) {
            events.add(event);
        }
    }

    @BeforeAll
    static void start() {
        server = Switchboard.builder().host("127.0.0.1").port(0).maxStreamBytes(1 << 20)
                .route(UploadRoute.class).route(Held.class).route(Early.class).route(Parts.class).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @BeforeEach
    void reset() {
        test = UUID.randomUUID().toString();
        events.clear();
        release = new CountDownLatch(0);
    }

    private static URI uri(String path) {
        return uri(server, path);
    }

    /** A URI of a server's path with the running test's id. */
    private static URI uri(Switchboard on, String path) {
        return URI.create("ws://127.0.0.1:" + on.port() + path + (path.contains("?") ? "&" : "?") + "test=" + test);
    }

    private static void send(WebSocket socket, byte[] data, boolean last) {
        socket.sendBinary(ByteBuffer.wrap(data), last).orTimeout(20, TimeUnit.SECONDS).join();
    }

    @Test
    void theDocsUploadRouteDigestsAStreamAndNotesFragments() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] fragment = new byte[FRAGMENT];
        try (WsClient client = WsClient.connect(uri("/upload"))) {
            for (int k = 0; k < 512; k++) { // 32 MiB: over the server's message limit, within the route's stream limit
                java.util.Arrays.fill(fragment, (byte) k);
                sha256.update(fragment);
                send(client.socket(), fragment, k == 511);
            }
            client.socket().sendText("a ", false).join();
            client.socket().sendText("note", true).join();
            await().atMost(WAIT).until(() -> client.texts.size() == 2 || client.closed());
            assertEquals(List.of(HexFormat.of().formatHex(sha256.digest()), "noted 6 chars"), client.texts);
        }
    }

    @Test
    void messagesAfterAStreamWaitForItsHandlerWhichRunsOnAStreamThread() {
        release = new CountDownLatch(1);
        try (WsClient client = WsClient.connect(uri("/held"))) {
            send(client.socket(), new byte[100], false);
            send(client.socket(), new byte[23], true);
            client.sendText("after");
            await().atMost(WAIT).until(() -> !events.isEmpty());
            await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> client.texts.isEmpty());

            release.countDown();
            await().atMost(WAIT).until(() -> client.texts.size() == 2 || client.closed());
            assertEquals(List.of("read 123", "text after"), client.texts);
            assertTrue(events.get(0).startsWith("stream on switchboard-stream"), events.toString());
            assertEquals(List.of("stream read 123", "text after"), events.subList(1, 3));
        }
    }

    @Test
    void aHandlerThatDoesNotReadHoldsTheClientBackUntilItDoes() {
        release = new CountDownLatch(1);
        long total = 256L << 20;
        AtomicLong sent = new AtomicLong();
        try (WsClient client = WsClient.connect(uri("/held"))) {
            CompletableFuture<Long> sending = CompletableFuture.supplyAsync(() -> {
                byte[] fragment = new byte[FRAGMENT];
                while (sent.get() < total) {
                    send(client.socket(), fragment, sent.get() + FRAGMENT >= total);
                    sent.addAndGet(FRAGMENT);
                }
                return sent.get();
            });
            await().atMost(WAIT).until(() -> !events.isEmpty());
            // TCP's buffers and the server's bounded one fill up; then the client's sends wait.
            long[] before = {-1};
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
                long now = sent.get();
                boolean stalled = now == before[0];
                before[0] = now;
                return stalled;
            });
            assertFalse(sending.isDone(), "the client sent everything to a handler that read nothing");
            assertTrue(sent.get() < 64L << 20, "the client sent " + (sent.get() >> 20) + " MiB before it stalled");

            release.countDown();
            assertEquals(total, sending.orTimeout(60, TimeUnit.SECONDS).join());
            await().atMost(WAIT).until(() -> client.texts.size() == 1 || client.closed());
            assertEquals(List.of("read " + total), client.texts);
        }
    }

    @Test
    void aHandlerThatReturnsEarlyDropsTheRestAndTheNextMessageIsServed() {
        try (WsClient client = WsClient.connect(uri("/early"))) {
            send(client.socket(), new byte[FRAGMENT], false);
            send(client.socket(), new byte[FRAGMENT], false);
            send(client.socket(), new byte[FRAGMENT], true);
            client.sendText("next");
            await().atMost(WAIT).until(() -> client.texts.size() == 2 || client.closed());
            assertEquals(List.of("read 10 of it", "text next"), client.texts);
        }
    }

    @Test
    void aHandlerThatThrowsGoesToOnErrorAndClosesWith1011() {
        try (WsClient client = WsClient.connect(uri("/early"))) {
            byte[] data = new byte[FRAGMENT];
            data[0] = 1;
            send(client.socket(), data, false);
            assertEquals(1011, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            await().atMost(WAIT).until(() -> events.size() == 2);
            assertEquals(List.of("error asked to fail", "disconnected 1011 HANDLER_FAILED"), events);
        }
    }

    @Test
    void eachFrameIsAPartHereAndTheServersStreamLimitApplies() {
        try (WsClient client = WsClient.connect(uri("/fragment-parts"))) {
            send(client.socket(), new byte[3], false);
            send(client.socket(), new byte[0], false);
            send(client.socket(), new byte[5], true);
            await().atMost(WAIT).until(() -> client.texts.size() == 1 || client.closed());
            assertEquals(List.of("3f 0f 5t"), client.texts);

            send(client.socket(), new byte[1 << 20], false);
            send(client.socket(), new byte[1], false);
            assertEquals(1009, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            assertEquals("message too big: over 1048576 bytes", client.closeReason);
            await().atMost(WAIT).until(() -> events.contains("disconnected 1009 TOO_BIG"));
        }
    }

    @Test
    void stoppingTheServerFailsAStreamThatWaitsForItsRestAndEndsTheStreamThreads() {
        Switchboard own = Switchboard.builder().host("127.0.0.1").port(0).route(Held.class).build().start();
        WsClient client = WsClient.connect(uri(own, "/held"));
        try {
            send(client.socket(), new byte[10], false);
            await().atMost(WAIT).until(() -> !events.isEmpty());
            own.stop();
            await().atMost(WAIT).until(() -> events.stream().anyMatch(event -> event.startsWith("disconnected")));
            assertEquals(2, events.size(), events.toString());
            assertEquals("disconnected 1001 SHUTDOWN", events.get(1));
            Thread streamThread = Held.streamThread;
            assertTrue(streamThread.getName().startsWith("switchboard-stream"), streamThread.getName());
            await().atMost(WAIT).until(() -> !streamThread.isAlive());
        } finally {
            client.close();
        }
    }
}
