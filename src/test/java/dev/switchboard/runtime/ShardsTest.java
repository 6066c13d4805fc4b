package dev.switchboard.runtime;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardsTest {

    @Test
    void theShardOfANameIsFixedOnEveryNodeAndVersion() {
        // CRC-32 of the UTF-8 name modulo 16: pinned, since nodes of different builds must agree
        assertEquals(5, Shards.of("room:lobby", 16));
        assertEquals(13, Shards.of("/chat/{room}", 16));
        assertEquals(0, Shards.of("room:1", 16));
        assertEquals(10, Shards.of("room:2", 16));
        assertEquals("switchboard:bus:7", Shards.channel(7));
    }

    @Test
    void namesSpreadOverEveryShard() {
        Set<Integer> used = new HashSet<>();
        for (int room = 0; room < 200; room++) {
            int shard = Shards.of("room:" + room, 16);
            assertTrue(shard >= 0 && shard < 16, "shard " + shard);
            used.add(shard);
        }
        assertEquals(16, used.size());
    }

    @Test
    void oneShardTakesEverything() {
        assertEquals(0, Shards.of("anything", 1));
    }
}
