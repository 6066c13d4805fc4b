package dev.switchboard.it.contract;

import dev.switchboard.it.clients.WsClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages taken as streams and as fragments, on any host: a large upload streams through an {@code InputStream}
 * in bounded server memory, a text through a {@code Reader}, fragments arrive in order with their {@code last}
 * flags, a stream over its route's limit closes with 1009, and a client that vanishes mid-stream fails the stream
 * and disconnects once. The routes are the contract app's {@code dev.switchboard.contract.StreamRoutes}.
 */
public interface StreamContract {

    /** A stream large enough that a host buffering it whole could not hide it in the heap's noise. */
    long LARGE_UPLOAD = 256L << 20;
    /** What the server's heap may grow by while the large upload streams through. */
    long HEAP_GROWTH_LIMIT = 64L << 20;
    /** The size of the client's fragments. */
    int FRAGMENT = 64 * 1024;
    Duration WAIT = Duration.ofSeconds(20);

    /**
     * A URI of the app.
     *
     * @param pathAndQuery the path and query after the app's root
     * @return the URI
     */
    URI appUri(String pathAndQuery);

    /** What this proves is bounded memory, not speed. */
    @Test
    default void aLargeUploadStreamsThroughAnInputStreamInBoundedServerMemory() {
        CRC32 sent = new CRC32();
        byte[] fragment = new byte[FRAGMENT];
        try (WsClient client = WsClient.connect(appUri("/stream/read?name=large&size=" + LARGE_UPLOAD))) {
            for (long offset = 0; offset < LARGE_UPLOAD; offset += FRAGMENT) {
                int k = (int) (offset / FRAGMENT);
                for (int i = 0; i < FRAGMENT; i++) {
                    fragment[i] = (byte) (i * 7 + k * 13);
                }
                sent.update(fragment);
                boolean last = offset + FRAGMENT >= LARGE_UPLOAD;
                client.socket().sendBinary(ByteBuffer.wrap(fragment), last).orTimeout(60, TimeUnit.SECONDS).join();
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> !client.texts.isEmpty() || client.closed());
            assertEquals(1, client.texts.size(), () -> "closed with " + client.closeCode.getNow(null) + " "
                    + client.closeReason);
            Map<String, String> reply = fields(client.texts.get(0));
            assertEquals(Long.toString(LARGE_UPLOAD), reply.get("bytes"), client.texts.get(0));
            assertEquals(Long.toString(sent.getValue()), reply.get("crc"), client.texts.get(0));
            long growth = Long.parseLong(reply.get("growth"));
            assertTrue(growth < HEAP_GROWTH_LIMIT, "the server's heap grew by " + (growth >> 20) + " MiB while "
                    + (LARGE_UPLOAD >> 20) + " MiB streamed through");
            assertTrue(reply.get("thread").startsWith("switchboard-stream"), client.texts.get(0));
        }
    }

    @Test
    default void aTextStreamsThroughAReader() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 4 << 20; i++) {
            text.append("part ").append(i).append(" é € 😀 ");
        }
        String whole = text.toString();
        try (WsClient client = WsClient.connect(appUri("/stream/read?name=text"))) {
            int from = 0;
            while (from < whole.length()) {
                int to = Math.min(whole.length(), from + FRAGMENT);
                if (Character.isHighSurrogate(whole.charAt(to - 1)) && to < whole.length()) {
                    to++; // the JDK client sends whole characters
                }
                client.socket().sendText(whole.substring(from, to), to == whole.length())
                        .orTimeout(20, TimeUnit.SECONDS).join();
                from = to;
            }
            client.sendText("and a short one");
            await().atMost(WAIT).until(() -> client.texts.size() == 2 || client.closed());
            assertEquals(List.of("chars=" + whole.length() + " hash=" + whole.hashCode(),
                    "chars=15 hash=" + "and a short one".hashCode()), client.texts);
        }
    }

    @Test
    default void fragmentsArriveInOrderWithTheirLastFlags() {
        try (WsClient client = WsClient.connect(appUri("/stream/fragments?name=fragments"))) {
            WebSocket socket = client.socket();
            socket.sendText("hello ", false).orTimeout(20, TimeUnit.SECONDS).join();
            socket.sendText("fragmented ", false).orTimeout(20, TimeUnit.SECONDS).join();
            socket.sendText("world", true).orTimeout(20, TimeUnit.SECONDS).join();
            socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), false).orTimeout(20, TimeUnit.SECONDS).join();
            socket.sendBinary(ByteBuffer.wrap(new byte[] {4, 5}), true).orTimeout(20, TimeUnit.SECONDS).join();
            client.sendText("whole");

            await().atMost(WAIT).until(() -> client.texts.size() == 3 || client.closed());
            // Hosts may split or merge frames: what is sure is the content, in order, and one last part at the end.
            assertPartsOf("hello fragmented world", client.texts.get(0));
            assertPartsOf("0102030405", client.texts.get(1));
            assertPartsOf("whole", client.texts.get(2));
        }
    }

    @Test
    default void aStreamOverItsRouteLimitClosesWith1009() {
        try (Probe probe = Probe.connect(appUri("/probe"));
             WsClient client = WsClient.connect(appUri("/stream/limited?name=over"))) {
            client.socket().sendBinary(ByteBuffer.wrap(new byte[FRAGMENT]), false).orTimeout(20, TimeUnit.SECONDS)
                    .join();
            // A fragment as large again: a host hands parts over as its buffers fill (Undertow's are 16 KiB), so a
            // single byte over the limit might wait in one for more.
            client.socket().sendBinary(ByteBuffer.wrap(new byte[FRAGMENT]), false).orTimeout(20, TimeUnit.SECONDS)
                    .join();

            try {
                await().atMost(WAIT).until(client::closed);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("not closed; the server saw " + probe.ask("events over").values("event"), e);
            }
            assertEquals(1009, client.closeCode.join());
            List<String> events = awaitEvents(probe, "over", "disconnected:over:");
            assertEquals(List.of("stream:over:started", "stream-failed:over:message too big: over 65536 bytes",
                    "disconnected:over:1009:TOO_BIG"), events);
        }
    }

    @Test
    default void aClientVanishingMidStreamFailsTheStreamAndDisconnectsOnce() {
        try (Probe probe = Probe.connect(appUri("/probe"))) {
            WsClient client = WsClient.connect(appUri("/stream/read?name=gone"));
            client.socket().sendBinary(ByteBuffer.wrap(new byte[FRAGMENT]), false).orTimeout(20, TimeUnit.SECONDS)
                    .join();
            awaitEvents(probe, "gone", "stream:gone:started");
            client.socket().abort();

            List<String> events = awaitEvents(probe, "gone", "disconnected:gone:");
            assertEquals(3, events.size(), events.toString());
            assertEquals("stream:gone:started", events.get(0));
            assertTrue(events.get(1).startsWith("stream-failed:gone:the connection ended before the message did"),
                    events.toString());
            assertTrue(events.get(2).endsWith(":CONNECTION_LOST"), events.toString());
            await().during(Duration.ofMillis(300)).atMost(WAIT)
                    .until(() -> probe.ask("disconnects gone").values("disconnect").size() == 1);
        }
    }

    /** Waits until an event of the session starts with {@code until}, and returns its events. */
    private static List<String> awaitEvents(Probe probe, String name, String until) {
        return await().atMost(WAIT).until(() -> probe.ask("events " + name).values("event"),
                events -> events.stream().anyMatch(event -> event.startsWith(until)));
    }

    private static void assertPartsOf(String content, String reply) {
        int bar = reply.lastIndexOf('|');
        assertEquals(content, reply.substring(0, bar), reply);
        assertTrue(reply.substring(bar + 1).matches("f*t"), "the last flags, in order: " + reply);
    }

    private static Map<String, String> fields(String reply) {
        Matcher matcher = Pattern.compile("(\\w+)=(\\S+)").matcher(reply);
        Map<String, String> fields = new java.util.HashMap<>();
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2));
        }
        return fields;
    }
}
