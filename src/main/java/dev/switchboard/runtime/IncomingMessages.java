package dev.switchboard.runtime;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Assembles the messages a host delivers in parts, up to the route's size limit. Hosts buffer whole
 * messages in fixed buffers of their own (Tomcat allocates its limit for every session up front), so
 * Switchboard takes parts and keeps only what a message really needs. The host calls one part at a time.
 */
final class IncomingMessages {

    private static final byte[] NONE = {};

    private final long maxBytes;
    /** The parts of a text message so far; made at the first message that comes in several parts. */
    private StringBuilder text;
    private long textBytes;
    private long lastTextBytes;
    private byte[] binary = NONE;
    private int binaryLength;
    /** Set by a part that made its message too big: the rest of that message is dropped. */
    private boolean discarding;

    IncomingMessages(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Takes a part of a text message.
     *
     * @return the whole message once its last part came, {@code null} before, or {@link #TOO_BIG}
     */
    Object text(String part, boolean last) {
        if (discarding) {
            discarding = !last;
            return null;
        }
        textBytes += Utf8.length(part);
        if (textBytes > maxBytes) {
            return tooBig(last);
        }
        if (last && (text == null || text.length() == 0)) {
            return whole(part); // the whole message came in one part: no copy
        }
        if (text == null) {
            text = new StringBuilder();
        }
        text.append(part);
        if (!last) {
            return null;
        }
        String whole = text.toString();
        text.setLength(0);
        return whole(whole);
    }

    private String whole(String message) {
        lastTextBytes = textBytes;
        textBytes = 0;
        return message;
    }

    /** The size in UTF-8 bytes of the last whole text message {@link #text} returned, counted as its parts came. */
    long lastTextBytes() {
        return lastTextBytes;
    }

    /**
     * Takes a part of a binary message.
     *
     * @return the whole message once its last part came, {@code null} before, or {@link #TOO_BIG}
     */
    Object binary(ByteBuffer part, boolean last) {
        if (discarding) {
            discarding = !last;
            return null;
        }
        int length = part.remaining();
        if ((long) binaryLength + length > maxBytes) {
            return tooBig(last);
        }
        if (last && binaryLength == 0) {
            return part;
        }
        if (binaryLength + length > binary.length) {
            binary = Arrays.copyOf(binary, Math.max(binaryLength + length, Math.min((int) maxBytes, binary.length * 2)));
        }
        part.get(binary, binaryLength, length);
        binaryLength += length;
        if (!last) {
            return null;
        }
        ByteBuffer whole = ByteBuffer.wrap(Arrays.copyOf(binary, binaryLength));
        binaryLength = 0;
        if (binary.length > 64 * 1024) {
            binary = NONE; // do not hold a large buffer for a connection that is quiet again
        }
        return whole;
    }

    /** Marks a message that went over the limit. */
    static final Object TOO_BIG = new Object();

    private Object tooBig(boolean last) {
        text = null;
        textBytes = 0;
        binaryLength = 0;
        binary = NONE;
        discarding = !last;
        return TOO_BIG;
    }
}
