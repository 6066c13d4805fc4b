package dev.switchboard.it.contract;

import dev.switchboard.contract.PartsRoutes;
import dev.switchboard.it.clients.RawClient;
import dev.switchboard.it.clients.WsClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages written in parts, on every host: a message of several MiB written through a {@code Writer} or an
 * {@code OutputStream} arrives whole, with every text other threads wrote meanwhile after it, never inside it;
 * writing to a closed session fails; a client that stops reading makes the writer wait, then fail after the
 * send timeout, while the server holds no more than the byte limit. Routes: {@link PartsRoutes}.
 */
public interface PartMessagesContract {

    /** Over 4 MiB, the default byte limit, and over what the socket buffers hold. */
    int LENGTH = 6 << 20;
    int THREADS = 4;
    int EACH = 100;

    /**
     * A URI of the app.
     *
     * @param pathAndQuery the path and query after the app's root
     * @return the URI
     */
    URI appUri(String pathAndQuery);

    @Test
    default void aTextWrittenInPartsArrivesWholeBeforeWhatOthersWroteMeanwhile() {
        checkWhole("text", "thread");
    }

    @Test
    default void binaryDataWrittenInPartsArrivesWholeBeforeWhatOthersWroteMeanwhile() {
        checkWhole("data", "thread");
    }

    @Test
    default void aHandlerWritesALargeMessageInPartsOnItsOwnThread() {
        checkWhole("text", "handler");
    }

    private void checkWhole(String kind, String where) {
        try (WsClient client = WsClient.connect(appUri("/parts?name=" + kind + "-" + where))) {
            client.sendText(String.join(" ", kind, Integer.toString(LENGTH), Integer.toString(THREADS),
                    Integer.toString(EACH), where));
            await().atMost(Duration.ofSeconds(60)).until(() -> !client.texts.isEmpty()
                    && (client.texts.get(client.texts.size() - 1).equals("done")
                    || client.texts.get(client.texts.size() - 1).startsWith("failed") || client.closed()));

            List<String> texts = client.texts;
            assertEquals("done", texts.get(texts.size() - 1), () -> "closed: " + client.closeReason);
            assertEquals("before", texts.get(0));
            List<String> others;
            if (kind.equals("text")) {
                assertEquals(LENGTH, texts.get(1).length());
                assertTrue(texts.get(1).equals(PartsRoutes.text(LENGTH)), "the message's content");
                others = texts.subList(2, texts.size() - 1);
            } else {
                assertEquals(1, client.binaries.size());
                assertEquals(ByteBuffer.wrap(PartsRoutes.data(LENGTH)), client.binaries.get(0), "the message's content");
                others = texts.subList(1, texts.size() - 1);
            }
            assertEquals(THREADS * EACH, others.size(), "every other text, after the message");
            for (int t = 0; t < THREADS; t++) {
                String prefix = "c" + t + "-";
                List<String> expected = IntStream.range(0, EACH).mapToObj(i -> prefix + i).toList();
                assertEquals(expected, others.stream().filter(text -> text.startsWith(prefix)).toList(),
                        "one thread's texts, whole and in its order");
            }
        }
    }

    @Test
    default void writingInPartsToAClosedSessionFails() {
        try (Probe probe = Probe.connect(appUri("/probe"));
             WsClient client = WsClient.connect(appUri("/parts?name=closing"))) {
            client.sendText("close-then-write");
            String event = await().atMost(Duration.ofSeconds(20))
                    .until(() -> probe.ask("events closing").values("event").stream()
                            .filter(e -> e.startsWith("after-close:")).findFirst().orElse(null), e -> e != null);
            assertEquals("after-close:closing:IOException SessionClosedException", event);
        }
    }

    @Test
    default void aClientThatStopsReadingMakesTheWriterWaitThenFail() throws Exception {
        try (Probe probe = Probe.connect(appUri("/probe"));
             RawClient stalled = RawClient.upgrade(appUri("/parts/slow?name=stalled"))) {
            stalled.send(RawClient.frame(0x1, ("flood " + (64 << 20)).getBytes(StandardCharsets.UTF_8)));
            String event = await().atMost(Duration.ofSeconds(60))
                    .until(() -> probe.ask("events stalled").values("event").stream()
                            .filter(e -> e.startsWith("flood:")).findFirst().orElse(null), e -> e != null);

            // flood:stalled:<outcome> <cause> <millis> <most bytes queued> <characters written>
            String[] words = event.split(":", 3)[2].split(" ");
            assertEquals("failed", words[0], event);
            assertEquals("SendOverflowException", words[1], event);
            assertTrue(Long.parseLong(words[2]) >= 2000, "waited the send timeout of 2 s: " + event);
            assertTrue(Long.parseLong(words[3]) <= (1 << 20) + 64 * 1024,
                    "no more queued than the limit of 1 MiB and one part: " + event);
            assertTrue(Long.parseLong(words[4]) < 64 << 20, event);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> probe.ask("info stalled").value("isOpen").equals("false"));
        }
    }
}
