package dev.switchboard.runtime;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class IncomingMessagesTest {

    @Test
    void assemblesPartsAndPassesWholeMessagesThrough() {
        IncomingMessages incoming = new IncomingMessages(10);
        String whole = "hello";
        assertSame(whole, incoming.text(whole, true));
        assertNull(incoming.text("hel", false));
        assertEquals("hello", incoming.text("lo", true));

        assertNull(incoming.binary(ByteBuffer.wrap(new byte[]{1, 2}), false));
        assertEquals(ByteBuffer.wrap(new byte[]{1, 2, 3}), incoming.binary(ByteBuffer.wrap(new byte[]{3}), true));
    }

    @Test
    void countsTextInUtf8BytesAndDropsTheRestOfATooBigMessage() {
        IncomingMessages incoming = new IncomingMessages(10);
        assertEquals("ééééé", incoming.text("ééééé", true)); // 10 bytes
        assertEquals(10, incoming.lastTextBytes());
        assertNull(incoming.text("é", false));
        assertEquals("éa", incoming.text("a", true));
        assertEquals(3, incoming.lastTextBytes(), "the size of the whole message, counted over its parts");
        assertNull(incoming.text("éééé", false));
        assertSame(IncomingMessages.TOO_BIG, incoming.text("éé", false));
        assertNull(incoming.text("dropped", true));
        assertEquals("next", incoming.text("next", true));
    }

    @Test
    void binaryOverTheLimitIsTooBig() {
        IncomingMessages incoming = new IncomingMessages(4);
        assertSame(IncomingMessages.TOO_BIG, incoming.binary(ByteBuffer.allocate(5), true));
        assertEquals(ByteBuffer.allocate(4), incoming.binary(ByteBuffer.allocate(4), true));
    }
}
