package dev.switchboard.it.lifecycle;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.Switchboard;
import dev.switchboard.contract.ContractRoute;
import dev.switchboard.contract.ServerSide;
import dev.switchboard.it.clients.RawClient;
import dev.switchboard.it.clients.WsClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The standalone host's side of the closing handshake (RFC 6455, 7.1.1): after its close frame the server waits
 * for the client's close before it closes TCP, reading and dropping what the client still sends meanwhile, and
 * closes TCP by itself only when a client never answers.
 */
class CloseHandshakeIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int TEXT = 0x1;
    private static final int CLOSE = 0x8;

    @BeforeEach
    void reset() {
        ServerSide.reset();
    }

    private static Switchboard server() {
        return Switchboard.builder().host("127.0.0.1").port(0).route(ContractRoute.class).build().start();
    }

    private static RawClient connect(Switchboard server, String name) throws IOException {
        RawClient client = RawClient.upgrade(server.port(), "/contract/x?name=" + name);
        await().atMost(WAIT).until(() -> ServerSide.sessions.containsKey(name));
        return client;
    }

    private static byte[] text(String text) {
        return RawClient.frame(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the route's answer to "bye": its goodbye, then its close frame. */
    private static void readGoodbyeAndClose(RawClient client) throws IOException {
        RawClient.Frame goodbye = client.readFrame();
        assertEquals("Goodbye!", new String(goodbye.payload(), StandardCharsets.UTF_8));
        RawClient.Frame close = client.readFrame();
        assertEquals(CLOSE, close.opcode());
        assertEquals(4000, close.closeCode());
        assertEquals("see you", close.closeReason());
    }

    private static void assertDisconnectedOnceAsTheServerAsked(String name) {
        await().atMost(WAIT).until(() -> ServerSide.disconnects.containsKey(name));
        assertEquals(List.of(new CloseStatus(4000, "see you", CloseCause.SERVER_CLOSED)),
                ServerSide.disconnects.get(name));
    }

    @Test
    void afterItsCloseTheServerKeepsTcpOpenUntilTheClientAnswers() throws IOException {
        try (Switchboard server = server(); RawClient client = connect(server, "a")) {
            client.send(text("bye"));
            readGoodbyeAndClose(client);

            // The client has not answered and still sends: the server reads and drops it, and waits.
            client.send(text("echo:after the close"));
            assertTrue(client.quietFor(Duration.ofMillis(300)), "the server closed TCP before the client answered");

            client.send(RawClient.closeFrame(4000, "see you"));
            assertTrue(client.endOfStream());
            assertDisconnectedOnceAsTheServerAsked("a");
            // What came after the server's close reached no handler.
            assertEquals(List.of("connected:a:x", "text:a:bye", "disconnected:a:4000:SERVER_CLOSED"),
                    ServerSide.eventsOf("a"));
        }
    }

    @Test
    void aClientThatNeverAnswersSeesTcpClosedAfterAWhile() throws IOException {
        try (Switchboard server = server(); RawClient client = connect(server, "silent")) {
            client.send(text("bye"));
            readGoodbyeAndClose(client);

            assertTrue(client.endOfStream()); // within the client's read timeout of 10 s
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
    void dataInFlightFromTheClientMeetsNoResetAndTheCloseArrivesIntact() throws IOException {
        byte[] filler = text("x".repeat(1 << 20));
        byte[][] frames = new byte[9][];
        frames[0] = text("bye");
        Arrays.fill(frames, 1, frames.length, filler);
        try (Switchboard server = server(); RawClient client = connect(server, "busy")) {
            // "bye", and 8 MiB right behind it: the server closes while the rest is still coming, and a socket
            // closed with bytes coming in answers them with a reset.
            client.send(frames);
            readGoodbyeAndClose(client);

            client.send(RawClient.closeFrame(4000, "see you"));
            assertTrue(client.endOfStream());
            assertDisconnectedOnceAsTheServerAsked("busy");
        }
    }
}
