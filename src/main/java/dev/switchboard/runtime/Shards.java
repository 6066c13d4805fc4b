package dev.switchboard.runtime;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which of a fixed number of channels carries a group's messages: the CRC-32 of its name in UTF-8, modulo the
 * number of shards. The same on every JVM and version, so every node of a cluster agrees, as long as all use the
 * same number of shards.
 */
public final class Shards {

    /** The number of shards unless set otherwise. */
    public static final int DEFAULT_COUNT = 16;
    private static final String CHANNEL_PREFIX = "switchboard:bus:";

    private Shards() {
    }

    /**
     * The shard of a key.
     *
     * @param key    a group name, or a route template for a message to all its sessions
     * @param shards the number of shards, at least 1
     * @return the shard, from 0 to {@code shards - 1}
     */
    public static int of(String key, int shards) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % shards);
    }

    /**
     * The pub/sub channel of a shard.
     *
     * @param shard the shard
     * @return the channel name, e.g. {@code switchboard:bus:7}
     */
    public static String channel(int shard) {
        return CHANNEL_PREFIX + shard;
    }
}
