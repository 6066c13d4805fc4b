package dev.switchboard.it.handshake;

import dev.switchboard.Heartbeat;
import dev.switchboard.Switchboard;
import dev.switchboard.TestClient;
import dev.switchboard.example.EchoRoute;
import dev.switchboard.it.clients.RawClient;
import dev.switchboard.it.clients.WsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Handshakes no well-behaved client sends get a precise HTTP answer, and clients that hold a connection without
 * finishing their handshake are cut after the handshake timeout, while everyone else is served.
 */
class HostileHandshakeIT {

    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private Switchboard server;

    @BeforeEach
    void start() {
        // No heartbeat: nothing but the handshake timeout could close a quiet connection.
        server = Switchboard.builder().host("127.0.0.1").port(0).route(EchoRoute.class)
                .heartbeat(Heartbeat.OFF).handshakeTimeout(HANDSHAKE_TIMEOUT).build().start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private String upgradeHead(String method, String... headerLines) {
        StringBuilder head = new StringBuilder(method + " /echo HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    /** Sends a request and reads all the server answers until it closes the connection. */
    private String exchange(String request) throws IOException {
        try (Socket socket = connect()) {
            try {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            } catch (IOException refusedMidway) {
                // The server may answer and close before it has read everything; the answer is what counts.
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(answer);
            } catch (IOException reset) {
                // A reset after the answer: keep what came.
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private Socket connect() throws IOException {
        return RawClient.openSocket(URI.create("ws://127.0.0.1:" + server.port()));
    }

    private static int status(String response) {
        return Integer.parseInt(response.split(" ", 3)[1]);
    }

    /** A JDK client completes an echo: the server is serving. */
    private void assertServes(String text) {
        try (WsClient client = WsClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/echo"))) {
            client.sendText(text);
            await().atMost(WAIT).until(() -> client.texts.contains(text));
        }
    }

    /** Completes with the nanoTime at which the server closed the socket, or fails if it kept it open. */
    private static CompletableFuture<Long> closedByServer(Socket socket) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                InputStream in = socket.getInputStream();
                while (in.read() >= 0) {
                    // nothing is expected before the close
                }
            } catch (SocketTimeoutException stillOpen) {
                throw new UncheckedIOException("The server kept the connection open", stillOpen);
            } catch (IOException reset) {
                // closed all the same
            }
            return System.nanoTime();
        });
    }

    private static void assertCutAtTheTimeout(long startedAt, long closedAt) {
        assertCutAtTheTimeout(Duration.ofNanos(closedAt - startedAt));
    }

    private static void assertCutAtTheTimeout(Duration after) {
        assertTrue(after.compareTo(HANDSHAKE_TIMEOUT.minusMillis(100)) >= 0, "cut too early, after " + after);
        assertTrue(after.compareTo(HANDSHAKE_TIMEOUT.plusSeconds(4)) <= 0, "cut too late, after " + after);
    }

    @Test
    void aRequestWithoutKeyGets400() throws IOException {
        String response = exchange(upgradeHead("GET", "Sec-WebSocket-Version: 13"));

        assertEquals(400, status(response), response);
        assertTrue(response.endsWith("Missing Sec-WebSocket-Key header"), response);
        assertServes("after a missing key");
    }

    @Test
    void aMalformedKeyGets400() throws IOException {
        String response = exchange(upgradeHead("GET", "Sec-WebSocket-Key: abc", "Sec-WebSocket-Version: 13"));

        assertEquals(400, status(response), response);
        assertTrue(response.contains("Sec-WebSocket-Key must be"), response);
    }

    @Test
    void version8Gets426NamingVersion13() throws IOException {
        String response = exchange(upgradeHead("GET", "Sec-WebSocket-Key: " + KEY, "Sec-WebSocket-Version: 8"));

        assertEquals(426, status(response), response);
        assertTrue(response.contains("\r\nSec-WebSocket-Version: 13\r\n"), response);
        assertServes("after version 8");
    }

    @Test
    void anUpgradeByPostGets405() throws IOException {
        String response = exchange(upgradeHead("POST", "Sec-WebSocket-Key: " + KEY, "Sec-WebSocket-Version: 13"));

        assertEquals(405, status(response), response);
        assertTrue(response.contains("\r\nAllow: GET\r\n"), response);
    }

    @Test
    void oversizedHeadersGet431() throws IOException {
        String response = exchange(upgradeHead("GET", "Sec-WebSocket-Key: " + KEY, "Sec-WebSocket-Version: 13",
                "X-Filler: " + "a".repeat(64 * 1024)));

        assertEquals(431, status(response), response);
        assertTrue(response.contains("larger than 16384 bytes"), response);
        assertServes("after 64 KiB of headers");
    }

    @Test
    void aTricklingHandshakeIsCutAtTheTimeoutWhileOthersAreServed() {
        // One byte every 20 ms: never idle, never done (its filler header outlasts the test).
        CompletableFuture<TestClient.TrickleResult> trickled = CompletableFuture.supplyAsync(() ->
                TestClient.of(URI.create("ws://127.0.0.1:" + server.port())).trickleHandshake("/echo",
                        Duration.ofMillis(20)));

        assertServes("while a client trickles");

        TestClient.TrickleResult trickle = trickled.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        assertTrue(trickle.closedByServer(), trickle::toString);
        assertCutAtTheTimeout(trickle.after());
        assertTrue(trickle.bytesSent() > 10, trickle::toString);
        assertServes("after a trickle");
    }

    @Test
    void aClientThatSendsNothingIsCutAtTheTimeout() throws Exception {
        // Before the connection: the server's deadline starts when it accepts it, which may come before this
        // thread reads the clock once connected.
        long startedAt = System.nanoTime();
        try (Socket socket = connect()) {
            CompletableFuture<Long> closed = closedByServer(socket);

            await().atMost(WAIT).until(closed::isDone);
            assertCutAtTheTimeout(startedAt, closed.get());
        }
    }

    @Test
    void aKeptAliveHttpConnectionIsCutWhenItsNextRequestDoesNotCome() throws Exception {
        try (Socket socket = connect()) {
            // The server's deadline starts when its answer is written: after this request went out, and before the
            // client reads the answer, which on a loaded machine can be a while later.
            long askedAt = System.nanoTime();
            socket.getOutputStream().write(("GET /nothing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            assertEquals(404, status(head.toString()), head.toString());
            CompletableFuture<Long> closed = closedByServer(socket); // reads the 404's body, then waits

            await().atMost(WAIT).until(closed::isDone);
            assertCutAtTheTimeout(askedAt, closed.get());
        }
    }

    @Test
    void anUpgradedWebSocketQuietLongerThanTheTimeoutStaysOpen() {
        try (WsClient client = WsClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/echo"))) {
            await().during(HANDSHAKE_TIMEOUT.multipliedBy(3)).atMost(HANDSHAKE_TIMEOUT.multipliedBy(3).plus(WAIT))
                    .until(() -> !client.closed());

            client.sendText("still here");
            await().atMost(WAIT).until(() -> client.texts.contains("still here"));
            assertFalse(client.closed());
        }
    }
}
