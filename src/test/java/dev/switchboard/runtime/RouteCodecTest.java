package dev.switchboard.runtime;

import dev.switchboard.Codec;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteCodecTest {

    /** Encodes a string as itself, so a test chooses the exact text. */
    private static final Codec AS_IS = new Codec() {
        @Override
        public String encodeText(Object value) {
            return (String) value;
        }

        @Override
        public Object decodeText(String text, Type type) {
            return text;
        }
    };

    private final RouteCodec codec = new RouteCodec("/test", () -> AS_IS, null, getClass().getClassLoader());

    /** Which send a written entry used, and what it carried. */
    private static final class RecordingTransport implements Transport {

        final List<String> sends = new ArrayList<>();

        @Override
        public void sendText(String text, Consumer<Throwable> done) {
            sends.add("text " + text);
        }

        @Override
        public void sendBinary(ByteBuffer data, Consumer<Throwable> done) {
            sends.add("binary " + StandardCharsets.UTF_8.decode(data));
        }

        @Override
        public void sendShared(SharedMessage message, Consumer<Throwable> done) {
            sends.add("shared " + message.text());
        }

        @Override
        public void sendTextPart(String part, boolean last, Consumer<Throwable> done) {
            sends.add("text part " + part);
        }

        @Override
        public void sendBinaryPart(ByteBuffer part, boolean last, Consumer<Throwable> done) {
            sends.add("binary part");
        }

        @Override
        public void sendPing(ByteBuffer payload, Consumer<Throwable> done) {
            sends.add("ping");
        }

        @Override
        public void close(int code, String reason, Consumer<Throwable> done) {
            sends.add("close");
        }
    }

    private static List<String> sends(Outbound entry) {
        RecordingTransport transport = new RecordingTransport();
        entry.start(transport, failure -> { });
        return transport.sends;
    }

    @Test
    void anEncodedTextGoesAsATextCountedInUtf8Bytes() {
        String text = "{\"greeting\":\"héllo 👋\"}";
        Outbound entry = codec.encode(text, false);
        assertEquals(List.of("text " + text), sends(entry));
        assertEquals(Outbound.Kind.TEXT, entry.kind);
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length, entry.bytes);
    }

    @Test
    void anEncodedBinaryGoesAsBinary() {
        Outbound entry = codec.encode("{}", true);
        assertEquals(List.of("binary {}"), sends(entry));
        assertEquals(Outbound.Kind.BINARY, entry.kind);
    }

    @Test
    void wellFormedTextHasEverySurrogateInAPair() {
        assertTrue(Utf8.wellFormed("plain ascii, é, 👋 and 中"));
        assertTrue(Utf8.wellFormed(""));
        assertFalse(Utf8.wellFormed("\uD83D"));
        assertFalse(Utf8.wellFormed("\uDC4B\uD83D"));
        assertFalse(Utf8.wellFormed("x\uD83Dy"));
    }
}
