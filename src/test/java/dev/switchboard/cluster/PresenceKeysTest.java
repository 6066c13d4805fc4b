package dev.switchboard.cluster;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The presence's keys and values in Redis, pinned: every node of a cluster must read what the others write. */
class PresenceKeysTest {

    @Test
    void keysNameTheNodeTheRouteAndTheGroupWithLengths() {
        assertEquals("switchboard:presence:6:node-a:12:/chat/{room}", text(PresenceKeys.of("node-a", "/chat/{room}",
                null)));
        assertEquals("switchboard:presence:6:node-a:12:/chat/{room}:room:lobby", text(PresenceKeys.of("node-a",
                "/chat/{room}", "room:lobby")));
        assertNotEquals(text(PresenceKeys.of("a:1", "/r", null)), text(PresenceKeys.of("a", "1:/r", null)),
                "a colon in a node id never reads as another key");
    }

    @Test
    void attributesAreCountedLengthPrefixedPairs() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("user", "zoë");
        byte[] value = PresenceKeys.encode(attributes);
        assertArrayEquals(new byte[] {0, 1, 0, 4, 'u', 's', 'e', 'r', 0, 0, 0, 4, 'z', 'o', (byte) 0xC3, (byte) 0xAB},
                value);
        assertEquals(attributes, PresenceKeys.decode(value));
        assertEquals(Map.of(), PresenceKeys.decode(PresenceKeys.encode(Map.of())));
    }

    @Test
    void aValueThatIsNoEntryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PresenceKeys.decode(new byte[] {0, 1, 0, 9, 'x'}));
        assertThrows(IllegalArgumentException.class, () -> PresenceKeys.decode(new byte[] {0, 0, 7}));
        assertThrows(IllegalArgumentException.class, () -> PresenceKeys.decode(new byte[] {0, 1, 0, 1, 'n', 0, 0, 0,
                9, 'v'}));
    }

    private static String text(byte[] key) {
        return new String(key, StandardCharsets.UTF_8);
    }
}
