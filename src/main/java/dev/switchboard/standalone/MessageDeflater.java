package dev.switchboard.standalone;

import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Compresses the messages the server sends on one connection (RFC 7692, section 7.2.1), frame by frame.
 *
 * <p>Messages under {@link #SMALLEST_COMPRESSED} bytes go out uncompressed, which the RFC allows message by
 * message. Measured with {@code Deflater} at its default level: a 2-byte text compresses to 4 bytes, a 12-byte
 * JSON to 14 in a fresh context and 5 to 8 with earlier messages in the window, a 42-byte one to 40 fresh and 12
 * to 14 with context, for about 1 to 3 microseconds of CPU each. Below 32 bytes there are at most a few bytes to
 * save and sometimes some to lose; from there on, with context takeover, most of the message.
 *
 * <p>One {@link Deflater} per connection, made with the first compressed message: it keeps its window from
 * message to message (context takeover), unless the client asked for server_no_context_takeover. Its native
 * memory (about 260 KiB) is freed by {@link #end()}. The methods are synchronized because {@code end()} may come
 * from another thread than the sends (which Tyrus already serializes, in wire order).
 */
final class MessageDeflater {

    static final int SMALLEST_COMPRESSED = 32;

    private final boolean resetPerMessage;

    private Deflater deflater;
    /** Whether the message being sent, whose first frame went out already, is compressed. */
    private boolean compressing;
    private boolean ended;

    /**
     * @param resetPerMessage whether each message is compressed afresh (server_no_context_takeover)
     */
    MessageDeflater(boolean resetPerMessage) {
        this.resetPerMessage = resetPerMessage;
    }

    /**
     * Compresses one frame of a message, or leaves it.
     *
     * @param payload the frame's payload
     * @param first   whether it is the message's first frame (text or binary, not a continuation)
     * @param last    whether it is the message's last frame
     * @return the compressed payload, or {@code null} to send the frame as it is
     */
    synchronized byte[] compress(byte[] payload, boolean first, boolean last) {
        if (first) {
            compressing = !ended && payload.length >= SMALLEST_COMPRESSED;
        }
        if (!compressing || ended) {
            return null;
        }
        if (deflater == null) {
            deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true); // raw DEFLATE, as RFC 7692 sends it
        }
        byte[] compressed = deflate(payload);
        if (last) {
            compressing = false;
            // A sync flush ends the data with an empty stored block, whose last 4 bytes the RFC leaves out.
            compressed = Arrays.copyOf(compressed, compressed.length - 4);
            if (resetPerMessage) {
                deflater.reset();
                if (first && compressed.length >= payload.length) {
                    return null; // no context to keep in step with the client: send whichever is smaller
                }
            }
        }
        return compressed;
    }

    /** Compresses and flushes to a byte boundary: the output ends with 0x00 0x00 0xFF 0xFF. */
    private byte[] deflate(byte[] payload) {
        deflater.setInput(payload);
        byte[] out = new byte[payload.length / 2 + 64];
        int length = 0;
        while (true) {
            length += deflater.deflate(out, length, out.length - length, Deflater.SYNC_FLUSH);
            if (length < out.length) {
                return Arrays.copyOf(out, length); // the flush is complete when it left room
            }
            out = Arrays.copyOf(out, out.length * 2);
        }
    }

    /** Frees the deflater's native memory; later messages go out uncompressed. */
    synchronized void end() {
        ended = true;
        if (deflater != null) {
            deflater.end();
            deflater = null;
        }
    }
}
