package dev.switchboard.runtime;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BusMessageTest {

    @Test
    void aGroupTextMessageRoundTrips() {
        BusMessage message = new BusMessage("node-a", 42, "/chat/{room}", "room:lobby", false,
                "héllo 👋".getBytes(StandardCharsets.UTF_8));
        BusMessage read = BusMessage.decode(message.encode());
        assertEquals(message, read);
        assertEquals("héllo 👋", read.toShared().text());
        assertEquals("room:lobby", read.shardKey());
    }

    @Test
    void aRouteWideBinaryMessageRoundTripsWithoutAGroup() {
        byte[] payload = {0, 1, 2, (byte) 0xFF};
        BusMessage read = BusMessage.decode(new BusMessage("n", 1, "/feed", null, true, payload).encode());
        assertNull(read.group());
        assertTrue(read.binary());
        assertEquals(ByteBuffer.wrap(payload), read.toShared().binary());
        assertEquals("/feed", read.shardKey());
    }

    @Test
    void theWireFormatIsPinned() {
        byte[] bytes = new BusMessage("n", 258, "/r", "g", false, new byte[] {'x'}).encode();
        assertArrayEquals(new byte[] {
                1,                          // version
                2,                          // flags: text, with a group
                0, 1, 'n',                  // origin
                0, 0, 0, 0, 0, 0, 1, 2,     // sequence 258
                0, 2, '/', 'r',             // route
                0, 1, 'g',                  // group
                0, 0, 0, 1, 'x'             // payload
        }, bytes);
    }

    @Test
    void aSharedMessageGivesItsPayload() {
        assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), BusMessage.payloadOf(SharedMessage.text("hi")));
        ByteBuffer data = ByteBuffer.wrap(new byte[] {9, 8, 7});
        data.get();
        assertArrayEquals(new byte[] {8, 7}, BusMessage.payloadOf(SharedMessage.binary(data)));
        assertEquals(1, data.position(), "the caller's buffer is left as it is");
    }

    @Test
    void anotherVersionIsRefusedWithTheReason() {
        byte[] bytes = new BusMessage("n", 1, "/r", null, false, new byte[0]).encode();
        bytes[0] = 2;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BusMessage.decode(bytes));
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    }

    @Test
    void aMessageCutShortIsRefused() {
        byte[] bytes = new BusMessage("n", 1, "/r", "g", false, new byte[] {1, 2, 3}).encode();
        assertThrows(IllegalArgumentException.class, () -> BusMessage.decode(Arrays.copyOf(bytes, bytes.length - 1)));
        assertThrows(IllegalArgumentException.class, () -> BusMessage.decode(Arrays.copyOf(bytes, 6)));
    }
}
