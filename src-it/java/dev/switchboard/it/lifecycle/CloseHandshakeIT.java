package dev.switchboard.it.lifecycle;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.Switchboard;
import dev.switchboard.TestClient;
import dev.switchboard.TestConnection;
import dev.switchboard.contract.ContractRoute;
import dev.switchboard.contract.ServerSide;
import dev.switchboard.it.clients.WsClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The standalone host's side of the closing handshake (RFC 6455, 7.1.1): after its close frame the server waits
 * for the client's close before it closes TCP, reading and dropping what the client still sends meanwhile, and
 * closes TCP by itself only when a client never answers.
 */
class CloseHandshakeIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    @BeforeEach
    void reset() {
        ServerSide.reset();
    }

    private static Switchboard server() {
        return Switchboard.builder().host("127.0.0.1").port(0).route(ContractRoute.class).build().start();
    }

    /** A client that does not answer the server's close by itself: each test answers it, or not, as it needs. */
    private static TestConnection connect(TestClient client, String name) {
        TestConnection connection = client.connect("/contract/x?name=" + name).ignoreClose();
        await().atMost(WAIT).until(() -> ServerSide.sessions.containsKey(name));
        return connection;
    }

    /** Reads the route's answer to "bye": its goodbye, then its close frame. */
    private static void readGoodbyeAndClose(TestConnection connection) {
        assertEquals("Goodbye!", connection.awaitText());
        assertEquals(new TestConnection.Close(4000, "see you"), connection.awaitClose());
    }

    private static void assertDisconnectedOnceAsTheServerAsked(String name) {
        await().atMost(WAIT).until(() -> ServerSide.disconnects.containsKey(name));
        assertEquals(List.of(new CloseStatus(4000, "see you", CloseCause.SERVER_CLOSED)),
                ServerSide.disconnects.get(name));
    }

    @Test
    void afterItsCloseTheServerKeepsTcpOpenUntilTheClientAnswers() {
        try (Switchboard server = server(); TestClient client = TestClient.of(server)) {
            TestConnection connection = connect(client, "a");
            connection.sendText("bye");
            readGoodbyeAndClose(connection);

            // The client has not answered and still sends: the server reads and drops it, and waits.
            connection.sendText("echo:after the close");
            await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> !connection.isClosed());

            connection.close(4000, "see you");
            connection.awaitSocketClosed();
            assertEquals(List.of(), connection.texts().subList(1, connection.texts().size()));
            assertDisconnectedOnceAsTheServerAsked("a");
            // What came after the server's close reached no handler.
            assertEquals(List.of("connected:a:x", "text:a:bye", "disconnected:a:4000:SERVER_CLOSED"),
                    ServerSide.eventsOf("a"));
        }
    }

    @Test
    void aClientThatNeverAnswersSeesTcpClosedAfterAWhile() {
        try (Switchboard server = server(); TestClient client = TestClient.of(server)) {
            TestConnection connection = connect(client, "silent");
            connection.sendText("bye");
            readGoodbyeAndClose(connection);

            connection.awaitSocketClosed(); // within the client's default timeout of 10 s
            assertDisconnectedOnceAsTheServerAsked("silent");
        }
    }

    @Test
    void aJdkClientStillSendingReceivesTheServersClose() {
        String filler = "x".repeat(1 << 20);
        try (Switchboard server = server()) {
            // A reset does not always win the race with the close frame: several clients, as FrameLimitIT does.
            for (int attempt = 0; attempt < 10; attempt++) {
                URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/contract/x?name=jdk" + attempt);
                try (WsClient client = WsClient.connect(uri)) {
                    client.sendText("bye");
                    for (int i = 0; i < 8 && !client.closed(); i++) {
                        try {
                            client.socket().sendText(filler, true).join();
                        } catch (CompletionException outputClosed) {
                            break; // the client answered the close, or the connection is gone
                        }
                    }
                    assertEquals(4000, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join(), "attempt " + attempt);
                }
            }
        }
    }

    @Test
    void dataInFlightFromTheClientMeetsNoResetAndTheCloseArrivesIntact() {
        String filler = "x".repeat(1 << 20);
        try (Switchboard server = server(); TestClient client = TestClient.of(server)) {
            TestConnection connection = connect(client, "busy");
            // "bye", and 8 MiB right behind it: the server closes while the rest is still coming, and a socket
            // closed with bytes coming in answers them with a reset.
            connection.sendText("bye");
            for (int i = 0; i < 8; i++) {
                connection.sendText(filler);
            }
            readGoodbyeAndClose(connection);

            connection.close(4000, "see you");
            connection.awaitSocketClosed();
            assertDisconnectedOnceAsTheServerAsked("busy");
        }
    }
}
