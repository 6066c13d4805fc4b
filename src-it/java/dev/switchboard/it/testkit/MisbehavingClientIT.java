package dev.switchboard.it.testkit;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.Heartbeat;
import dev.switchboard.OnConnected;
import dev.switchboard.OnDisconnected;
import dev.switchboard.OnText;
import dev.switchboard.OverflowAction;
import dev.switchboard.Route;
import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardExtension;
import dev.switchboard.TestClient;
import dev.switchboard.TestConnection;
import dev.switchboard.WebSocketSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each misbehaving mode of the test kit's client against the server's promise it is made to prove: a client that
 * stops reading meets its route's overflow action, one that ignores pings the heartbeat, one that ignores the close
 * the close grace, one that drops or resets the connection is reported lost once while others carry on, a chopped or
 * fragmented message arrives whole, a malformed frame gets 1002, an oversized one 1009, and a trickled handshake
 * the handshake timeout.
 */
class MisbehavingClientIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(1);
    private static final int MAX_MESSAGE = 64 * 1024;

    /** Sessions and their disconnects, by the {@code name} query parameter; names are unique per test. */
    static final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();
    static final Map<String, List<CloseStatus>> disconnects = new ConcurrentHashMap<>();

    @RegisterExtension
    static final SwitchboardExtension server = SwitchboardExtension.serving(Switchboard.builder()
            .host("127.0.0.1").port(0)
            .heartbeat(Heartbeat.every(Duration.ofSeconds(1)))
            .handshakeTimeout(HANDSHAKE_TIMEOUT)
            .maxMessageSize(MAX_MESSAGE)
            .route(EchoRoute.class)
            .route(FloodRoute.class));

    /** Records sessions. */
    abstract static class Recording {
        @OnConnected
        void connected(WebSocketSession session) {
            sessions.put(session.queryParam("name"), session);
        }

        @OnDisconnected
        void disconnected(WebSocketSession session, CloseStatus status) {
            disconnects.computeIfAbsent(session.queryParam("name"), name -> new CopyOnWriteArrayList<>()).add(status);
        }
    }

    /** Echoes texts; "bye" closes the session with 4000 instead. */
    @Route("/misbehaving/echo")
    public static class EchoRoute extends Recording {
        @OnText
        String echo(WebSocketSession session, String text) {
            if (text.equals("bye")) {
                session.close(4000, "see you");
                return null;
            }
            return text;
        }
    }

    /** A queue of four messages whose overflow closes the session; no heartbeat, which a stalled client fails too. */
    @Route(value = "/misbehaving/flood", maxQueuedMessages = 4, maxQueuedBytes = 1 << 20,
            onOverflow = OverflowAction.CLOSE_SESSION, heartbeatSeconds = 0)
    public static class FloodRoute extends Recording {
    }

    private static WebSocketSession session(String name) {
        return await().atMost(WAIT).until(() -> sessions.get(name), session -> session != null);
    }

    /** Waits for the session's disconnect, then checks that no second one follows. */
    private static CloseStatus disconnectedOnce(String name) {
        await().atMost(WAIT).until(() -> disconnects.containsKey(name));
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> disconnects.get(name).size() == 1);
        return disconnects.get(name).get(0);
    }

    /** Another session still echoes and was never disconnected. */
    private static void assertUntouched(TestConnection bystander, String name) {
        bystander.sendText("still here");
        assertEquals("still here", bystander.awaitText());
        assertFalse(disconnects.containsKey(name), () -> name + " was disconnected: " + disconnects.get(name));
    }

    @Test
    void aClientThatStopsReadingMeetsItsRoutesOverflowAction(TestClient client) {
        TestConnection slow = client.connect("/misbehaving/flood?name=slow");
        TestConnection bystander = client.connect("/misbehaving/echo?name=flood-bystander");
        WebSocketSession session = session("slow");

        slow.stopReading();
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 1_000 && session.isOpen(); i++) { // 64 MiB at most: far beyond any socket buffer
            session.writeData(chunk);
        }

        CloseStatus status = disconnectedOnce("slow");
        assertEquals(1008, status.code(), status::toString);
        assertEquals(CloseCause.SLOW_CONSUMER, status.cause());
        assertTrue(session.droppedMessages() > 0, "the overflowing writes are counted");
        assertUntouched(bystander, "flood-bystander");
    }

    @Test
    void aClientThatIgnoresPingsIsClosedByTheHeartbeat(TestClient client) {
        TestConnection deaf = client.connect("/misbehaving/echo?name=deaf").ignorePings();
        TestConnection answering = client.connect("/misbehaving/echo?name=answering");

        CloseStatus status = disconnectedOnce("deaf");
        assertEquals(CloseCause.HEARTBEAT_TIMEOUT, status.cause());
        assertEquals(1001, deaf.awaitClose().code());
        assertFalse(deaf.pings().isEmpty(), "the server pinged");

        await().atMost(WAIT).until(() -> answering.pings().size() >= 2);
        assertUntouched(answering, "answering");
    }

    @Test
    void aClientThatIgnoresTheCloseHasTcpClosedAfterTheGrace(TestClient client) {
        TestConnection mute = client.connect("/misbehaving/echo?name=mute").ignoreClose();

        mute.sendText("bye");
        assertEquals(new TestConnection.Close(4000, "see you"), mute.awaitClose());
        // The server waits for the answer a while, then closes TCP itself.
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> !mute.isClosed());
        mute.awaitSocketClosed();

        assertEquals(new CloseStatus(4000, "see you", CloseCause.SERVER_CLOSED), disconnectedOnce("mute"));
    }

    @Test
    void aDroppedConnectionIsLostOnceAndOthersCarryOn(TestClient client) {
        TestConnection dropped = client.connect("/misbehaving/echo?name=dropped");
        TestConnection bystander = client.connect("/misbehaving/echo?name=drop-bystander");
        session("dropped");

        dropped.drop();

        CloseStatus status = disconnectedOnce("dropped");
        assertEquals(1006, status.code());
        assertEquals(CloseCause.CONNECTION_LOST, status.cause());
        assertUntouched(bystander, "drop-bystander");
    }

    @Test
    void aResetConnectionIsLostOnceAndOthersCarryOn(TestClient client) {
        TestConnection reset = client.connect("/misbehaving/echo?name=reset");
        TestConnection bystander = client.connect("/misbehaving/echo?name=reset-bystander");
        session("reset");

        reset.reset();

        CloseStatus status = disconnectedOnce("reset");
        assertEquals(1006, status.code());
        assertEquals(CloseCause.CONNECTION_LOST, status.cause());
        assertUntouched(bystander, "reset-bystander");
    }

    @Test
    void aChoppedFrameAndAFragmentedMessageArriveWhole(TestClient client) {
        TestConnection connection = client.connect("/misbehaving/echo?name=chopped");
        String text = "chopped into seven-byte writes, ten milliseconds apart: ".repeat(4);
        String accented = "fragments may end within a character: é, €, 😀 ".repeat(3);

        connection.sendChopped(text, 7, Duration.ofMillis(10));
        assertEquals(text, connection.awaitText());

        connection.sendFragmented(accented, 5, Duration.ofMillis(10));
        assertEquals(accented, connection.awaitText());
        assertFalse(disconnects.containsKey("chopped"));
    }

    @Test
    void aMalformedFrameIsAProtocolError(TestClient client) {
        TestConnection connection = client.connect("/misbehaving/echo?name=malformed");

        connection.sendMalformed();

        assertEquals(1002, connection.awaitClose().code());
        assertEquals(CloseCause.PROTOCOL_ERROR, disconnectedOnce("malformed").cause());
    }

    @Test
    void anUnmaskedFrameIsAProtocolError(TestClient client) {
        TestConnection connection = client.connect("/misbehaving/echo?name=unmasked");

        connection.sendRaw(new byte[]{(byte) 0x81, 0x02, 'h', 'i'}); // a final text frame "hi" without a mask

        assertEquals(new TestConnection.Close(1002, "unmasked frame"), connection.awaitClose());
        assertEquals(CloseCause.PROTOCOL_ERROR, disconnectedOnce("unmasked").cause());
        assertEquals(List.of(), connection.texts(), "the frame was not read");
    }

    @Test
    void anOversizedFrameIsRefusedWith1009(TestClient client) {
        TestConnection connection = client.connect("/misbehaving/echo?name=oversized");

        connection.sendOversized(1L << 30);

        TestConnection.Close close = connection.awaitClose();
        assertEquals(new TestConnection.Close(1009, "message too big: over " + MAX_MESSAGE + " bytes"), close);
        assertEquals(CloseCause.TOO_BIG, disconnectedOnce("oversized").cause());
        connection.awaitSocketClosed();
    }

    @Test
    void aTrickledHandshakeIsCutAtTheHandshakeTimeout(TestClient client) {
        TestClient.TrickleResult trickle = client.trickleHandshake("/misbehaving/echo?name=slowloris", Duration.ofMillis(20));

        assertTrue(trickle.closedByServer(), trickle::toString);
        assertTrue(trickle.after().compareTo(HANDSHAKE_TIMEOUT.minusMillis(100)) >= 0, "cut too early: " + trickle);
        assertTrue(trickle.after().compareTo(HANDSHAKE_TIMEOUT.plusSeconds(4)) <= 0, "cut too late: " + trickle);
        assertTrue(trickle.bytesSent() > 10, trickle::toString);
        assertFalse(sessions.containsKey("slowloris"));
    }
}
