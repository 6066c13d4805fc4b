package dev.switchboard.it.parts;

import dev.switchboard.OnText;
import dev.switchboard.Route;
import dev.switchboard.Switchboard;
import dev.switchboard.WebSocketSession;
import dev.switchboard.contract.PartsRoutes;
import dev.switchboard.docs.ReportRoute;
import dev.switchboard.it.clients.RawClient;
import dev.switchboard.it.clients.WsClient;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages written in parts on the standalone host, seen frame by frame: a handler on a Grizzly I/O thread, which
 * may not wait for its own connection's sends, writes a message far over the byte limit to a client that reads
 * nothing until the handler has returned; a heartbeat ping goes between the fragments of a message whose writer
 * is quiet.
 */
class PartMessagesIT {

    private static final int TEXT = 0x1;
    private static final int CONTINUATION = 0x0;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;
    private static final int LIMIT = 256 * 1024;

    /** What the handler saw queued when it returned. */
    static final CompletableFuture<Long> RETURNED = new CompletableFuture<>();
    static final CountDownLatch FINISH = new CountDownLatch(1);

    /** Writes the text of the given length in parts, in the handler, on the I/O thread that read the command. */
    @Route(value = "/io", maxQueuedBytes = LIMIT, heartbeatSeconds = 0)
    public static class OnIoThread {

        @OnText
        void write(String command, WebSocketSession session) {
            try (Writer writer = session.openTextWriter()) {
                writer.write(PartsRoutes.text(Integer.parseInt(command)));
            } catch (IOException e) {
                RETURNED.completeExceptionally(e);
            }
            RETURNED.complete(session.bufferedAmount());
        }
    }

    /** Writes "first", then, once told to finish, "second", as one message in parts, on a thread of its own. */
    @Route(value = "/quiet", heartbeatSeconds = 1)
    public static class QuietWriter {

        @OnText
        void command(String command, WebSocketSession session) {
            if (command.equals("finish")) {
                FINISH.countDown();
                return;
            }
            new Thread(() -> {
                try (Writer writer = session.openTextWriter()) {
                    writer.write("first");
                    writer.flush();
                    if (!FINISH.await(20, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("never told to finish");
                    }
                    writer.write("second");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "quiet-writer").start();
        }
    }

    private static Switchboard server() {
        return Switchboard.builder().host("127.0.0.1").port(0)
                .route(OnIoThread.class).route(QuietWriter.class).route(ReportRoute.class).build().start();
    }

    private static URI uri(Switchboard server, String path) {
        return URI.create("ws://127.0.0.1:" + server.port() + path);
    }

    @Test
    void aHandlerOnAnIoThreadWritesFarOverTheLimitWithoutWaitingForItsClient() throws Exception {
        int length = 32 << 20;
        try (Switchboard server = server(); RawClient client = RawClient.upgrade(uri(server, "/io"))) {
            client.send(RawClient.frame(TEXT, Integer.toString(length).getBytes(StandardCharsets.UTF_8)));

            // Nothing read yet: waiting for room would have held the I/O thread that makes the room, forever.
            long queued = RETURNED.get(20, TimeUnit.SECONDS);
            assertTrue(queued > LIMIT, "queued beyond the limit rather than waiting: " + queued);

            RawClient.Frame first = client.readFrame();
            assertEquals(TEXT, first.opcode());
            ByteArrayOutputStream message = new ByteArrayOutputStream(length);
            message.writeBytes(first.payload());
            while (message.size() < length) {
                RawClient.Frame next = client.readFrame();
                assertEquals(CONTINUATION, next.opcode(), "nothing but the message's continuations");
                message.writeBytes(next.payload());
            }
            assertEquals(length, message.size());
            assertTrue(PartsRoutes.text(length).equals(message.toString(StandardCharsets.UTF_8)), "the content");
        }
    }

    @Test
    void aHeartbeatPingGoesBetweenTheFragmentsOfAQuietMessage() throws Exception {
        try (Switchboard server = server(); RawClient client = RawClient.upgrade(uri(server, "/quiet"))) {
            client.send(RawClient.frame(TEXT, "open".getBytes(StandardCharsets.UTF_8)));

            RawClient.Frame first = client.readFrame();
            assertEquals(TEXT, first.opcode());
            assertEquals("first", new String(first.payload(), StandardCharsets.UTF_8));
            RawClient.Frame ping = client.readFrame(); // within one and a half heartbeat intervals
            assertEquals(PING, ping.opcode(), "a ping while the message waits for its writer");
            client.send(RawClient.frame(PONG, ping.payload()));

            client.send(RawClient.frame(TEXT, "finish".getBytes(StandardCharsets.UTF_8)));
            RawClient.Frame next = client.readFrame();
            while (next.opcode() == PING) {
                client.send(RawClient.frame(PONG, next.payload()));
                next = client.readFrame();
            }
            assertEquals(CONTINUATION, next.opcode());
            assertEquals("second", new String(next.payload(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theGuidesReportArrivesAsOneMessage() {
        try (Switchboard server = server(); WsClient client = WsClient.connect(uri(server, "/report"))) {
            client.sendText("100000");
            await().atMost(java.time.Duration.ofSeconds(20)).until(() -> !client.texts.isEmpty());
            String expected = IntStream.range(0, 100_000).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
            assertEquals(1, client.texts.size());
            assertTrue(expected.equals(client.texts.get(0)), "the report, whole");
        }
    }
}
