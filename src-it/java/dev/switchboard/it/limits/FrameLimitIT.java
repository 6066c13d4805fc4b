package dev.switchboard.it.limits;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.Heartbeat;
import dev.switchboard.Switchboard;
import dev.switchboard.TestClient;
import dev.switchboard.TestConnection;
import dev.switchboard.contract.ContractRoute;
import dev.switchboard.contract.ServerSide;
import dev.switchboard.it.clients.RawClient;
import dev.switchboard.it.clients.WsClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Single frames larger than every route's message limit, on the standalone host: the host refuses them
 * with 1009 (cause {@code TOO_BIG}) as soon as their head arrives, without buffering them, and goes on
 * serving other sessions. Frames within the limit pass, however the client packs them.
 */
class FrameLimitIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int LIMIT = 64 * 1024;
    private static final String REASON = "message too big: over " + LIMIT + " bytes";
    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;

    @BeforeEach
    void reset() {
        ServerSide.reset();
    }

    /** No heartbeat: its pings would come between the frames the raw client reads. */
    private static Switchboard limitedServer() {
        return Switchboard.builder().host("127.0.0.1").port(0).maxMessageSize(LIMIT).heartbeat(Heartbeat.OFF)
                .route(ContractRoute.class).build().start();
    }

    private static URI uri(Switchboard server, String name) {
        return URI.create("ws://127.0.0.1:" + server.port() + "/contract/frames?name=" + name);
    }

    @Test
    void textAndBinaryFramesOverTheLimitCloseWith1009AndOtherSessionsCarryOn() {
        try (Switchboard server = limitedServer();
             WsClient other = WsClient.connect(uri(server, "other"));
             TestClient client = TestClient.of(server);
             WsClient binary = WsClient.connect(uri(server, "binary"))) {
            TestConnection text = client.connect("/contract/frames?name=text");
            await().atMost(WAIT).until(() -> ServerSide.sessions.containsKey("text"));
            text.sendText("x".repeat(100 * 1024)); // one frame
            // The JDK client sends a binary message as one frame (text it cuts into frames of 16 KiB).
            binary.socket().sendBinary(ByteBuffer.allocate(100 * 1024), true);

            assertEquals(new TestConnection.Close(1009, REASON), text.awaitClose());
            assertEquals(1009, binary.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            assertEquals(REASON, binary.closeReason);
            await().atMost(WAIT).until(() -> ServerSide.disconnects.containsKey("text")
                    && ServerSide.disconnects.containsKey("binary"));
            CloseStatus tooBig = new CloseStatus(1009, REASON, CloseCause.TOO_BIG);
            assertEquals(List.of(tooBig), ServerSide.disconnects.get("text"));
            assertEquals(List.of(tooBig), ServerSide.disconnects.get("binary"));
            assertNull(ServerSide.errors.get("text"));
            assertNull(ServerSide.errors.get("binary"));

            other.sendText("echo:still here");
            await().atMost(WAIT).until(() -> other.texts.equals(List.of("still here")));
            await().atMost(WAIT).until(() -> server.openSessions() == 1); // only "other" is left
        }
    }

    @Test
    void aClientStillSendingItsRefusedFrameReceivesThe1009() {
        // 32 MiB in one frame: the client is still writing long after the server refused the frame by its head.
        // The server reads and drops the rest before it closes the socket, or a reset could destroy the close.
        for (int attempt = 0; attempt < 3; attempt++) {
            try (Switchboard server = limitedServer();
                 WsClient client = WsClient.connect(uri(server, "huge" + attempt))) {
                client.socket().sendBinary(ByteBuffer.allocate(32 << 20), true);
                assertEquals(1009, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join(), "attempt " + attempt);
            }
        }
    }

    @Test
    void aFrameAnnouncingMoreThanTheLimitIsRefusedBeforeItsPayloadComesAndAfterTheMessagesBeforeIt() {
        try (Switchboard server = limitedServer(); TestClient client = TestClient.of(server)) {
            TestConnection huge = client.connect("/contract/frames?name=huge");
            await().atMost(WAIT).until(() -> ServerSide.sessions.containsKey("huge"));
            // A message, then 1 GiB announced and 1 KiB of it sent: the refusal cannot wait for the rest.
            huge.sendText("first").sendOversized(1L << 30);

            assertEquals(new TestConnection.Close(1009, REASON), huge.awaitClose());
            huge.awaitSocketClosed();
            await().atMost(WAIT).until(() -> ServerSide.disconnects.containsKey("huge"));
            assertEquals(List.of("connected:huge:frames", "text:huge:first", "disconnected:huge:1009:TOO_BIG"),
                    ServerSide.eventsOf("huge"));
            assertEquals(List.of(new CloseStatus(1009, REASON, CloseCause.TOO_BIG)),
                    ServerSide.disconnects.get("huge"));
            assertNull(ServerSide.errors.get("huge"));
        }
    }

    @Test
    void aMessageOverTheLimitInFramesThatComeInOneReadClosesWith1009() {
        try (Switchboard server = limitedServer();
             WsClient client = WsClient.connect(uri(server, "fragments"))) {
            // The JDK client cuts this text into frames of 16 KiB: each within the limit, together over it.
            client.socket().sendText("x".repeat(100 * 1024), true);

            assertEquals(1009, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            await().atMost(WAIT).until(() -> ServerSide.disconnects.containsKey("fragments"));
            assertEquals(CloseCause.TOO_BIG, ServerSide.disconnects.get("fragments").get(0).cause());
            assertEquals(1, ServerSide.disconnects.get("fragments").size());
        }
    }

    @Test
    void framesUpToTheLimitPassAlsoWhenTheNextOneComesInTheSameWrite() throws IOException {
        try (Switchboard server = limitedServer();
             RawClient client = RawClient.upgrade(uri(server, "packed"))) {
            await().atMost(WAIT).until(() -> ServerSide.sessions.containsKey("packed"));
            String full = "echo:" + "y".repeat(LIMIT - 5); // exactly the limit
            // Each frame's end comes in the same read as the next one's start.
            client.send(RawClient.frame(TEXT, full.getBytes(StandardCharsets.UTF_8)),
                    RawClient.frame(TEXT, "echo:next".getBytes(StandardCharsets.UTF_8)),
                    RawClient.frame(BINARY, new byte[LIMIT]),
                    RawClient.frame(TEXT, "echo:last".getBytes(StandardCharsets.UTF_8)));

            assertEquals(full.substring(5), new String(client.readFrame().payload(), StandardCharsets.UTF_8));
            assertEquals("next", new String(client.readFrame().payload(), StandardCharsets.UTF_8));
            assertArrayEquals(new byte[LIMIT], client.readFrame().payload());
            assertEquals("last", new String(client.readFrame().payload(), StandardCharsets.UTF_8));
            assertNull(ServerSide.disconnects.get("packed"));
        }
    }

    @Test
    void sixteenMebibyteMessagesPassInOneFrameWithDefaultSettings() {
        try (Switchboard server = Switchboard.builder().host("127.0.0.1").port(0).route(ContractRoute.class)
                .build().start();
             WsClient client = WsClient.connect(uri(server, "large"))) {
            int sixteenMebibytes = 16 * 1024 * 1024;
            String text = "echo:" + "z".repeat(sixteenMebibytes - 5);
            client.sendText(text);
            client.sendBinary(new byte[sixteenMebibytes]);

            await().atMost(WAIT).until(() -> client.texts.size() == 1 && client.binaries.size() == 1);
            assertEquals(sixteenMebibytes - 5, client.texts.get(0).length());
            assertEquals(sixteenMebibytes, client.binaries.get(0).remaining());
            assertFalse(client.closed());
        }
    }
}
