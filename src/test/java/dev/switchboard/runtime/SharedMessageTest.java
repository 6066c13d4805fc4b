package dev.switchboard.runtime;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

class SharedMessageTest {

    /** The frame's head for a payload of {@code length} bytes, RFC 6455 section 5.2: FIN, opcode, no mask. */
    private static void assertFrame(ByteBuffer frame, int opcode, int length, byte[] payload) {
        int head = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        assertEquals(head + length, frame.remaining());
        assertEquals((byte) (0x80 | opcode), frame.get(0));
        if (length < 126) {
            assertEquals(length, frame.get(1));
        } else if (length <= 0xFFFF) {
            assertEquals(126, frame.get(1));
            assertEquals(length, Short.toUnsignedInt(frame.getShort(2)));
        } else {
            assertEquals(127, frame.get(1));
            assertEquals(length, frame.getLong(2));
        }
        byte[] body = new byte[length];
        frame.position(head).get(body);
        assertEquals(ByteBuffer.wrap(payload), ByteBuffer.wrap(body));
    }

    @Test
    void binaryFramesUseTheShortestLengthForm() {
        for (int length : new int[] {0, 1, 125, 126, 127, 0xFFFF, 0x10000, 100_000}) {
            byte[] payload = new byte[length];
            for (int i = 0; i < length; i++) {
                payload[i] = (byte) (i * 31);
            }
            SharedMessage message = SharedMessage.binary(ByteBuffer.wrap(payload));
            assertEquals(length, message.bytes());
            assertFrame(message.frame(), 0x2, length, payload);
        }
    }

    @Test
    void textFramesCarryUtf8() {
        String text = "héllo, wörld 👋".repeat(10);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        SharedMessage message = SharedMessage.text(text);
        assertEquals(utf8.length, message.bytes());
        assertFrame(message.frame(), 0x1, utf8.length, utf8);
    }

    @Test
    void eachRecipientReadsItsOwnView() {
        SharedMessage message = SharedMessage.text("once");
        ByteBuffer first = message.frame();
        first.position(first.limit());
        ByteBuffer second = message.frame();
        assertNotSame(first, second);
        assertEquals(6, second.remaining());
    }
}
