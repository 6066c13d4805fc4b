package dev.switchboard.standalone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates the compressed messages a client sends on one connection (RFC 7692, section 7.2.2), frame by frame,
 * to no more than a message size limit.
 *
 * <p>Why bounded here: compressed data inflates up to about 1,000 times its size, and the route's own limit sees
 * a message only once it has been inflated. The inflater writes into a fixed buffer of {@link #CHUNK} bytes, never
 * asked for more than the message may still take plus one byte, the byte that proves it too big; each chunk is
 * copied out only while the message is within its limit. So a small frame that would inflate to gigabytes costs
 * at most the limit in memory and the time to inflate that much.
 *
 * <p>One {@link Inflater} per connection, made with the first compressed message: it keeps the window that later
 * messages refer back to (context takeover), unless the client agreed to compress every message afresh. Its
 * native memory is freed by {@link #end()}. The methods are synchronized because {@code end()} may come from
 * another thread than the reads.
 */
final class MessageInflater {

    /** The end of the empty stored block the sender removed from each message (section 7.2.1); put back here. */
    private static final byte[] TAIL = {0, 0, (byte) 0xFF, (byte) 0xFF};
    static final int CHUNK = 16 * 1024;

    private final long maxMessageBytes;
    private final boolean resetPerMessage;

    private Inflater inflater;
    private byte[] chunk;
    /** Bytes the current message has inflated to in its earlier frames. */
    private long messageBytes;
    private boolean ended;

    /** The message inflates to more bytes than the limit allows; nothing beyond one byte over was inflated. */
    static final class TooBigException extends Exception {
        private static final long serialVersionUID = 1L;

        TooBigException() {
            super(null, null, false, false); // an expected outcome: no stack trace to fill
        }
    }

    /**
     * @param maxMessageBytes the most bytes a message may inflate to, below 2 GiB
     * @param resetPerMessage whether each message is compressed afresh (client_no_context_takeover)
     */
    MessageInflater(long maxMessageBytes, boolean resetPerMessage) {
        if (maxMessageBytes >= Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("A message limit must stay below 2 GiB, was " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
        this.resetPerMessage = resetPerMessage;
    }

    /**
     * Inflates one frame of a compressed message.
     *
     * @param compressed the frame's payload
     * @param last       whether it is the message's last frame
     * @return the frame's inflated bytes
     * @throws TooBigException       if the message inflates past the limit; the inflater is ended
     * @throws DataFormatException   if the data is not DEFLATE; the inflater is ended
     * @throws IllegalStateException if the inflater was ended
     */
    synchronized byte[] inflate(byte[] compressed, boolean last) throws TooBigException, DataFormatException {
        if (ended) {
            throw new IllegalStateException("Inflater ended");
        }
        if (inflater == null) {
            inflater = new Inflater(true); // raw DEFLATE, as RFC 7692 sends it
            chunk = new byte[CHUNK];
        }
        Output out = new Output(maxMessageBytes - messageBytes);
        try {
            inflateAll(compressed, out);
            if (last) {
                inflateAll(TAIL, out);
            }
        } catch (TooBigException | DataFormatException e) {
            end();
            throw e;
        }
        if (last) {
            messageBytes = 0;
            // A stream ended with a final block (BFINAL) cannot go on: the next message starts a new one.
            if (resetPerMessage || inflater.finished()) {
                inflater.reset();
            }
        } else {
            messageBytes += out.length;
        }
        return out.bytes();
    }

    private void inflateAll(byte[] input, Output out) throws TooBigException, DataFormatException {
        inflater.setInput(input);
        while (true) {
            // At most one byte more than the message may still take: enough to know it is too big.
            int inflated = inflater.inflate(chunk, 0, (int) Math.min(chunk.length, out.room - out.length + 1));
            if (inflated > 0) {
                out.add(chunk, inflated);
            } else if (inflater.needsInput() || inflater.finished()) {
                return; // bytes after a final block are ignored, as zlib does
            } else {
                // Raw DEFLATE has no preset dictionary; with room and input left, no progress means bad data.
                throw new DataFormatException("inflater made no progress");
            }
        }
    }

    /** Frees the inflater's native memory; later calls to {@link #inflate} fail. */
    synchronized void end() {
        ended = true;
        if (inflater != null) {
            inflater.end();
            inflater = null;
            chunk = null;
        }
    }

    synchronized boolean ended() {
        return ended;
    }

    /** The frame's inflated bytes so far, copied out of the chunk buffer piece by piece. */
    private static final class Output {
        /** The most bytes the frame may add to its message. */
        final long room;
        final List<byte[]> pieces = new ArrayList<>();
        long length;

        Output(long room) {
            this.room = room;
        }

        void add(byte[] chunk, int count) throws TooBigException {
            length += count;
            if (length > room) {
                throw new TooBigException(); // before the copy: what is kept never exceeds the limit
            }
            pieces.add(Arrays.copyOf(chunk, count));
        }

        byte[] bytes() {
            if (pieces.size() == 1) {
                return pieces.get(0);
            }
            byte[] whole = new byte[(int) length];
            int at = 0;
            for (byte[] piece : pieces) {
                System.arraycopy(piece, 0, whole, at, piece.length);
                at += piece.length;
            }
            return whole;
        }
    }
}
