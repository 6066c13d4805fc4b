package dev.switchboard.standalone;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inflater stops at the message limit, counted over all frames of a message, and allocates no more. */
class DeflateInflaterTest {

    private static final int LIMIT = 1 << 20;

    /** What a client sends: raw DEFLATE, sync-flushed, without the final 0x00 0x00 0xFF 0xFF. */
    static byte[] compress(Deflater deflater, byte[] message) {
        deflater.setInput(message);
        byte[] out = new byte[message.length + 64];
        int length = 0;
        while (true) {
            length += deflater.deflate(out, length, out.length - length, Deflater.SYNC_FLUSH);
            if (length < out.length) {
                break;
            }
            out = Arrays.copyOf(out, out.length * 2);
        }
        return Arrays.copyOf(out, length - 4);
    }

    static byte[] compress(byte[] message) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            return compress(deflater, message);
        } finally {
            deflater.end();
        }
    }

    @Test
    void refusesABombWithoutAllocatingBeyondTheLimit() throws Exception {
        byte[] bomb = compress(new byte[64 << 20]); // 64 MiB of zeros
        assertTrue(bomb.length < 128 * 1024, "compressed: " + bomb.length);
        MessageInflater inflater = new MessageInflater(LIMIT, false);
        inflater.inflate(compress("warm up".getBytes()), true);

        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        assertThrows(MessageInflater.TooBigException.class, () -> inflater.inflate(bomb, true));
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        long millis = (System.nanoTime() - start) / 1_000_000;

        // What it kept of the message, at most the limit, and a little bookkeeping: not 64 MiB.
        assertTrue(allocated < LIMIT + 128 * 1024, "allocated " + allocated + " bytes");
        assertTrue(millis < 2_000, "took " + millis + " ms");
        assertTrue(inflater.ended(), "the inflater is ended after a refusal");
    }

    @Test
    void theLimitIsExact() throws Exception {
        MessageInflater inflater = new MessageInflater(LIMIT, false);
        assertEquals(LIMIT, inflater.inflate(compress(new byte[LIMIT]), true).length);
        assertThrows(MessageInflater.TooBigException.class, () -> inflater.inflate(compress(new byte[LIMIT + 1]), true));
    }

    @Test
    void theLimitCountsEveryFrameOfTheMessage() throws Exception {
        // One message, compressed once, cut into three frames: each inflates within the limit, not all together.
        byte[] compressed = compress(new byte[LIMIT + 1000]);
        int third = compressed.length / 3;
        MessageInflater inflater = new MessageInflater(LIMIT, false);
        byte[] first = inflater.inflate(Arrays.copyOfRange(compressed, 0, third), false);
        byte[] second = inflater.inflate(Arrays.copyOfRange(compressed, third, 2 * third), false);
        assertTrue(first.length + second.length <= LIMIT);
        assertThrows(MessageInflater.TooBigException.class,
                () -> inflater.inflate(Arrays.copyOfRange(compressed, 2 * third, compressed.length), true));
    }

    @Test
    void eachMessageHasTheWholeLimit() throws Exception {
        MessageInflater inflater = new MessageInflater(LIMIT, false);
        for (int i = 0; i < 3; i++) {
            assertEquals(LIMIT, inflater.inflate(compress(new byte[LIMIT]), true).length);
        }
    }

    @Test
    void refusesDataThatIsNotDeflate() {
        MessageInflater inflater = new MessageInflater(LIMIT, false);
        byte[] garbage = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x12, 0x34};
        assertThrows(DataFormatException.class, () -> inflater.inflate(garbage, true));
        assertTrue(inflater.ended());
        assertThrows(IllegalStateException.class, () -> inflater.inflate(compress("x".getBytes()), true));
    }

    @Test
    void inflatesAMessageEndedWithAFinalBlockAndTheNextOneAfresh() throws Exception {
        // Some compressors end messages with BFINAL set (RFC 7692, section 7.2.3.5) instead of a sync flush.
        MessageInflater inflater = new MessageInflater(LIMIT, false);
        for (String text : new String[] {"first message", "second message"}) {
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            deflater.setInput(text.getBytes());
            deflater.finish();
            byte[] out = new byte[256];
            int length = deflater.deflate(out);
            deflater.end();
            assertArrayEquals(text.getBytes(), inflater.inflate(Arrays.copyOf(out, length), true));
        }
    }
}
