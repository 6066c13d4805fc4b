package dev.switchboard.it.client;

import dev.switchboard.ClientSession;
import dev.switchboard.ClientState;
import dev.switchboard.ClientStateChange;
import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.HandshakeCheck;
import dev.switchboard.HandshakeDecision;
import dev.switchboard.HandshakeRefusedException;
import dev.switchboard.HandshakeRequest;
import dev.switchboard.Heartbeat;
import dev.switchboard.JacksonCodec;
import dev.switchboard.OnBinary;
import dev.switchboard.OnConnected;
import dev.switchboard.OnDisconnected;
import dev.switchboard.OnPong;
import dev.switchboard.OnText;
import dev.switchboard.OverflowAction;
import dev.switchboard.Reconnect;
import dev.switchboard.Route;
import dev.switchboard.SendOverflowException;
import dev.switchboard.SendQueueLimits;
import dev.switchboard.SessionClosedException;
import dev.switchboard.Switchboard;
import dev.switchboard.WebSocketClient;
import dev.switchboard.WebSocketConnector;
import dev.switchboard.WebSocketSession;
import dev.switchboard.example.EchoRoute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client against the standalone server, over real sockets: typed messages both ways, reconnection after the
 * server's stop and a new server on the same port, after a dropped TCP connection, a refusal it gives up on, a
 * {@code Retry-After} it honours, and a server that stopped answering pings.
 */
class ClientIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** A note and its number. */
    public record Note(String text, int n) {
    }

    /** Answers a note with the note in capitals and the next number. */
    @Route(value = "/client/notes", codec = JacksonCodec.class)
    public static class Notes {
        @OnText
        public Note answer(Note note) {
            return new Note(note.text().toUpperCase(), note.n() + 1);
        }
    }

    /** Lets in only a request with the right token, counting every request. */
    public static class TokenCheck implements HandshakeCheck {
        static final AtomicInteger REQUESTS = new AtomicInteger();

        @Override
        public HandshakeDecision check(HandshakeRequest request) {
            REQUESTS.incrementAndGet();
            return "Bearer good".equals(request.header("Authorization")) ? HandshakeDecision.accept()
                    : HandshakeDecision.reject(403, "bad token");
        }
    }

    /** {@link Notes} behind a token. */
    @Route(value = "/client/guarded", codec = JacksonCodec.class, handshake = TokenCheck.class)
    public static class Guarded extends Notes {
    }

    /** {@link Notes} in either of two subprotocols, the newer preferred. */
    @Route(value = "/client/protocols", codec = JacksonCodec.class, subprotocols = {"notes.v2", "notes.v1"})
    public static class Protocols extends Notes {
    }

    /** Closes every connection at once with 1008 (Policy Violation). */
    @Route("/client/policy")
    public static class Policing {
        @OnConnected
        void refuse(WebSocketSession session) {
            session.close(CloseStatus.POLICY_VIOLATION, "not allowed");
        }
    }

    /** A client that records what happens to it. */
    @WebSocketClient(codec = JacksonCodec.class)
    public static class Recorder {
        final AtomicInteger connected = new AtomicInteger();
        final List<Note> notes = new CopyOnWriteArrayList<>();
        final List<CloseStatus> disconnects = new CopyOnWriteArrayList<>();
        final AtomicInteger pongs = new AtomicInteger();

        @OnConnected
        void connected(WebSocketSession session) {
            connected.incrementAndGet();
        }

        @OnPong
        void pong() {
            pongs.incrementAndGet();
        }

        @OnText
        void note(Note note) {
            notes.add(note);
        }

        @OnBinary
        void binaryNote(Note note) {
            notes.add(note);
        }

        @OnDisconnected
        void disconnected(CloseStatus status) {
            disconnects.add(status);
        }
    }

    /** A client only the application can make. */
    @WebSocketClient
    public static class Named {
        final String name;

        Named(String name) {
            this.name = name;
        }

        @OnText
        void text(String text) {
        }
    }

    /** Reads each text as it arrives, through a Reader, and each binary message in parts. */
    @WebSocketClient
    public static class Streaming {
        final List<Integer> textLengths = new CopyOnWriteArrayList<>();
        final List<Integer> binaryParts = new CopyOnWriteArrayList<>();
        private int binaryBytes;

        @OnText
        void text(Reader text) throws IOException {
            int length = 0;
            char[] buffer = new char[8192];
            for (int read; (read = text.read(buffer)) >= 0; ) {
                length += read;
            }
            textLengths.add(length);
        }

        @OnBinary
        void part(ByteBuffer part, boolean last) {
            binaryBytes += part.remaining();
            if (last) {
                binaryParts.add(binaryBytes);
                binaryBytes = 0;
            }
        }
    }

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<ClientStateChange> changes = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        Collections.reverse(toClose);
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private Switchboard server(int port) {
        Switchboard server = Switchboard.builder().host("127.0.0.1").port(port).route(Notes.class)
                .route(Guarded.class).route(Policing.class).route(Protocols.class).shutdownTimeout(Duration.ofSeconds(2)).build().start();
        toClose.add(server);
        return server;
    }

    private WebSocketConnector connector(Recorder recorder, int port, String path) {
        return WebSocketConnector.of(recorder).uri("ws://127.0.0.1:" + port + path).onStateChange(changes::add);
    }

    private ClientSession connect(WebSocketConnector connector) {
        ClientSession session = connector.connect().toCompletableFuture().join();
        toClose.add(session::close);
        return session;
    }

    private List<ClientState> states() {
        return changes.stream().map(ClientStateChange::state).toList();
    }

    @Test
    void typedMessagesGoBothWaysAndACloseEndsTheClient() {
        Switchboard server = server(0);
        Recorder recorder = new Recorder();
        ClientSession session = connect(connector(recorder, server.port(), "/client/notes"));

        session.writeObject(new Note("hello", 1));
        session.writeObject(new Note("again", 2));
        await().atMost(WAIT).until(() -> recorder.notes.size() == 2);
        assertEquals(List.of(new Note("HELLO", 2), new Note("AGAIN", 3)), recorder.notes);
        assertEquals(1, recorder.connected.get());
        assertEquals(ClientState.OPEN, session.clientState());
        session.ping();
        await().atMost(WAIT).until(() -> recorder.pongs.get() == 1);

        session.close();
        CloseStatus closed = session.closed().toCompletableFuture().join();
        assertEquals(CloseStatus.NORMAL, closed.code());
        assertEquals(CloseCause.CLIENT_CLOSED, closed.cause());
        assertEquals(List.of(closed), recorder.disconnects);
        assertEquals(List.of(ClientState.CONNECTING, ClientState.OPEN, ClientState.CLOSED), states());
        assertInstanceOf(SessionClosedException.class, assertThrows(CompletionException.class,
                () -> session.writeText("late").toCompletableFuture().join()).getCause());
    }

    @Test
    void reconnectsByItselfWhenTheServerStopsAndANewOneStartsOnTheSamePort() {
        Switchboard first = server(0);
        int port = first.port();
        Recorder recorder = new Recorder();
        ClientSession session = connect(connector(recorder, port, "/client/notes")
                .reconnect(Reconnect.withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))));

        session.attributes().put("user", "ann");
        String id = session.id();
        first.stop();
        await().atMost(WAIT).until(() -> recorder.disconnects.size() == 1);
        assertEquals(CloseStatus.GOING_AWAY, recorder.disconnects.get(0).code(), recorder.disconnects.toString());
        assertEquals(CloseCause.SERVER_CLOSED, recorder.disconnects.get(0).cause());

        server(port);
        await().atMost(WAIT).until(() -> recorder.connected.get() == 2 && session.clientState() == ClientState.OPEN);
        session.writeObject(new Note("back", 7));
        await().atMost(WAIT).until(() -> recorder.notes.contains(new Note("BACK", 8)));
        assertTrue(states().contains(ClientState.RECONNECTING), "states: " + states());
        assertEquals("ann", session.attributes().get("user"), "attributes last across connections");
        assertEquals(id, session.id());
        assertEquals(ClientState.OPEN, states().get(states().size() - 1));
    }

    @Test
    void reconnectsWithBackoffAfterTheConnectionDropped() throws IOException {
        Switchboard server = server(0);
        TcpRelay relay = new TcpRelay(server.port());
        toClose.add(relay);
        Recorder recorder = new Recorder();
        Duration first = Duration.ofMillis(50);
        ClientSession session = connect(connector(recorder, relay.port(), "/client/notes")
                .reconnect(Reconnect.withBackoff(first, Duration.ofMillis(400))));

        relay.refuseConnections();
        relay.dropConnections();
        await().atMost(WAIT).until(() -> recorder.disconnects.size() == 1);
        assertEquals(CloseCause.CONNECTION_LOST, recorder.disconnects.get(0).cause());
        assertEquals(CloseStatus.ABNORMAL, recorder.disconnects.get(0).code());
        await().atMost(WAIT).until(() -> session.clientState() == ClientState.RECONNECTING);
        assertInstanceOf(SessionClosedException.class, assertThrows(CompletionException.class,
                () -> session.writeText("while away").toCompletableFuture().join()).getCause(),
                "writes fail while reconnecting unless the client queues them");
        // Attempts to a port that refuses: each waits a random delay under a ceiling that doubles up to the most.
        await().atMost(WAIT).until(() -> failedAttempts().size() >= 4);
        List<ClientStateChange> failures = failedAttempts();
        for (int n = 1; n < failures.size(); n++) {
            long ceiling = Math.min(400, first.toMillis() << n);
            assertTrue(failures.get(n).nextAttemptIn().toMillis() <= ceiling,
                    "attempt " + n + " waits " + failures.get(n).nextAttemptIn() + ", above " + ceiling + " ms");
            assertInstanceOf(IOException.class, failures.get(n).failure());
        }

        relay.listenAgain();
        await().atMost(WAIT).until(() -> recorder.connected.get() == 2 && session.clientState() == ClientState.OPEN);
        session.writeObject(new Note("through", 1));
        await().atMost(WAIT).until(() -> recorder.notes.contains(new Note("THROUGH", 2)));
    }

    /** The changes to RECONNECTING after a failed attempt. */
    private List<ClientStateChange> failedAttempts() {
        return changes.stream().filter(change -> change.state() == ClientState.RECONNECTING
                && change.failure() != null).toList();
    }

    @Test
    void givesUpOnA403UnlessNewHeadersComeAndThenConnects() {
        Switchboard server = server(0);
        TokenCheck.REQUESTS.set(0);
        Recorder refused = new Recorder();
        CompletionException failure = assertThrows(CompletionException.class, () -> connector(refused, server.port(),
                "/client/guarded").header("Authorization", "Bearer stale")
                .reconnect(Reconnect.withBackoff(Duration.ofMillis(50), Duration.ofMillis(100)))
                .connect().toCompletableFuture().join());
        HandshakeRefusedException refusal = assertInstanceOf(HandshakeRefusedException.class, failure.getCause());
        assertEquals(403, refusal.status());
        assertEquals(1, TokenCheck.REQUESTS.get(), "a 403 is not retried");
        assertEquals(ClientState.CLOSED, states().get(states().size() - 1));
        assertEquals(0, refused.connected.get());

        Recorder refreshed = new Recorder();
        ClientSession session = connect(connector(refreshed, server.port(), "/client/guarded")
                .header("Authorization", "Bearer stale")
                .reconnect(Reconnect.withBackoff(Duration.ofMillis(50), Duration.ofMillis(100)))
                .refreshHeaders(() -> Map.of("Authorization", "Bearer good")));
        assertEquals(3, TokenCheck.REQUESTS.get(), "one more refusal, then the refreshed token");
        assertEquals("Bearer good", session.header("Authorization"));
        session.writeObject(new Note("in", 1));
        await().atMost(WAIT).until(() -> refreshed.notes.contains(new Note("IN", 2)));
    }

    @Test
    void aClassWithoutANoArgumentConstructorIsPassedAsAnInstance() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> WebSocketConnector
                .of(Named.class).uri("ws://127.0.0.1:1/").connect());
        assertTrue(refused.getMessage().contains("WebSocketConnector.of(new Named(...))"), refused.getMessage());

        Switchboard server = server(0);
        ClientSession session = connect(WebSocketConnector.of(new Named("made by the app"))
                .uri("ws://127.0.0.1:" + server.port() + "/client/notes"));
        assertEquals(ClientState.OPEN, session.clientState());
    }

    @Test
    void aClientReadsMessagesAsStreamsAndInParts() {
        Switchboard server = Switchboard.builder().host("127.0.0.1").port(0).route(EchoRoute.class).build().start();
        toClose.add(server);
        Streaming streaming = new Streaming();
        ClientSession session = connect(WebSocketConnector.of(streaming).maxMessageSize(1024)
                .uri("ws://127.0.0.1:" + server.port() + "/echo"));

        // Within the echo's own queue limit together (4 MiB by default), far over the client's whole-message limit.
        session.writeText("x".repeat(3 << 20));
        session.writeData(new byte[512 << 10]);
        await().atMost(WAIT).failFast(() -> session.clientState() != ClientState.OPEN)
                .until(() -> streaming.textLengths.size() == 1 && streaming.binaryParts.size() == 1);
        assertEquals(List.of(3 << 20), streaming.textLengths);
        assertEquals(List.of(512 << 10), streaming.binaryParts);
        assertEquals(ClientState.OPEN, session.clientState());
    }

    @Test
    void writesToAServerThatStoppedReadingAreBoundedByTheQueueLimits() throws IOException {
        Switchboard server = server(0);
        TcpRelay relay = new TcpRelay(server.port());
        toClose.add(relay);
        Recorder recorder = new Recorder();
        ClientSession session = connect(connector(recorder, relay.port(), "/client/notes")
                .sendQueueLimits(new SendQueueLimits(8, 1 << 20, OverflowAction.FAIL_SEND)));

        relay.stall();
        byte[] chunk = new byte[64 * 1024];
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 200; i++) { // 12.5 MiB: more than TCP buffers and the queue together hold
            writes.add(session.writeData(chunk).toCompletableFuture());
        }
        await().atMost(WAIT).until(() -> session.droppedMessages() > 0);
        CompletableFuture<Void> refused = writes.stream().filter(CompletableFuture::isCompletedExceptionally)
                .findFirst().orElseThrow();
        assertInstanceOf(SendOverflowException.class, assertThrows(CompletionException.class, refused::join)
                .getCause());
        assertTrue(session.bufferedAmount() <= 1 << 20, "queued: " + session.bufferedAmount());
        assertEquals(ClientState.OPEN, session.clientState(), "FAIL_SEND fails the write, not the connection");
    }

    @Test
    void theServerChoosesAmongTheSubprotocolsOffered() {
        Switchboard server = server(0);
        ClientSession session = connect(connector(new Recorder(), server.port(), "/client/protocols")
                .subprotocols("notes.v1", "notes.v0"));
        assertEquals("notes.v1", session.subprotocol());
    }

    @Test
    void aHandshakeWithoutAnswerFailsAfterTheHandshakeTimeout() throws IOException {
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        toClose.add(silent);
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        Thread accepting = new Thread(() -> {
            try {
                accepted.add(silent.accept()); // and never a byte back
            } catch (IOException closed) {
                // the test is over
            }
        });
        accepting.setDaemon(true);
        accepting.start();

        CompletableFuture<ClientSession> connecting = connector(new Recorder(), silent.getLocalPort(), "/x")
                .handshakeTimeout(Duration.ofMillis(500)).connect().toCompletableFuture();
        await().atMost(WAIT).until(connecting::isDone);
        Throwable failure = assertThrows(CompletionException.class, connecting::join).getCause();
        assertTrue(failure instanceof java.net.http.HttpTimeoutException || failure instanceof TimeoutException,
                failure.toString());
        assertEquals(1, accepted.size(), "the TCP connection was made; the handshake got no answer");
        assertEquals(ClientState.CLOSED, states().get(states().size() - 1));
    }

    @Test
    void aCloseWith1008IsNotRetried() {
        Switchboard server = server(0);
        Recorder recorder = new Recorder();
        connector(recorder, server.port(), "/client/policy")
                .reconnect(Reconnect.withBackoff(Duration.ofMillis(20), Duration.ofMillis(40))).connect();
        await().atMost(WAIT).until(() -> states().contains(ClientState.CLOSED));
        assertEquals(1, recorder.connected.get());
        assertEquals(CloseStatus.POLICY_VIOLATION, recorder.disconnects.get(0).code());
        assertEquals(CloseCause.SERVER_CLOSED, recorder.disconnects.get(0).cause());
        assertEquals(List.of(ClientState.CONNECTING, ClientState.OPEN, ClientState.CLOSED), states());
    }

    @Test
    void honoursRetryAfterOnA503() throws IOException {
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        ServerSocket draining = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        toClose.add(draining);
        Thread answering = new Thread(() -> {
            while (!draining.isClosed()) {
                try (Socket request = draining.accept()) {
                    arrivals.add(System.nanoTime());
                    request.getOutputStream().write(("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 2\r\n"
                            + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closed) {
                    return;
                }
            }
        }, "draining-server");
        answering.setDaemon(true);
        answering.start();
        Recorder recorder = new Recorder();
        WebSocketConnector connector = connector(recorder, draining.getLocalPort(), "/client/notes")
                .reconnect(Reconnect.withBackoff(Duration.ofMillis(20), Duration.ofMillis(40)));
        var started = connector.connect();
        toClose.add(() -> changes.get(0).session().close());
        await().atMost(WAIT).until(() -> arrivals.size() >= 2);
        long gapMillis = (arrivals.get(1) - arrivals.get(0)) / 1_000_000;
        assertTrue(gapMillis >= 2000, "the second attempt came " + gapMillis + " ms after a Retry-After of 2 s");
        ClientStateChange waiting = failedAttempts().get(0);
        assertEquals(503, assertInstanceOf(HandshakeRefusedException.class, waiting.failure()).status());
        assertTrue(waiting.nextAttemptIn().toMillis() >= 2000, "waits " + waiting.nextAttemptIn());
        assertEquals(0, recorder.connected.get());
        assertTrue(!started.toCompletableFuture().isDone(), "the client is still trying");
    }

    @Test
    void findsAServerThatStoppedAnsweringWithinTheHeartbeatTimeout() throws IOException {
        Switchboard server = server(0);
        TcpRelay relay = new TcpRelay(server.port());
        toClose.add(relay);
        Recorder recorder = new Recorder();
        Heartbeat heartbeat = new Heartbeat(Duration.ofMillis(400), Duration.ofMillis(400));
        ClientSession session = connect(connector(recorder, relay.port(), "/client/notes").heartbeat(heartbeat)
                .reconnect(Reconnect.withBackoff(Duration.ofMillis(50), Duration.ofMillis(200))));

        long frozeAt = System.nanoTime();
        relay.freeze();
        // A ping comes within one and a half intervals, and its pong is given up on one timeout later.
        Duration heartbeatTimeout = heartbeat.interval().multipliedBy(3).dividedBy(2).plus(heartbeat.timeout());
        await().atMost(heartbeatTimeout.plusSeconds(1)).until(() -> recorder.disconnects.size() == 1);
        long detectedMillis = (System.nanoTime() - frozeAt) / 1_000_000;
        assertEquals(CloseCause.HEARTBEAT_TIMEOUT, recorder.disconnects.get(0).cause());
        assertTrue(detectedMillis >= heartbeat.timeout().toMillis(), "detected after " + detectedMillis + " ms");

        relay.thaw();
        relay.dropConnections();
        await().atMost(WAIT).until(() -> recorder.connected.get() == 2 && session.clientState() == ClientState.OPEN);
    }
}
