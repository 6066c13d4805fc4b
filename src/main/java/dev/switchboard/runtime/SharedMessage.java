package dev.switchboard.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One broadcast message for all its recipients: encoded once, on first need, as the unmasked frame a server
 * sends, so that a host that can write encoded frames ({@link FrameWriter}) does not encode it per recipient.
 */
final class SharedMessage {

    private static final byte FIN_TEXT = (byte) 0x81;
    private static final byte FIN_BINARY = (byte) 0x82;

    private final String text;
    private final ByteBuffer binary;
    private final long bytes;
    private volatile ByteBuffer frame;

    private SharedMessage(String text, ByteBuffer binary, long bytes) {
        this.text = text;
        this.binary = binary;
        this.bytes = bytes;
    }

    static SharedMessage text(String text) {
        return new SharedMessage(text, null, Utf8.length(text));
    }

    static SharedMessage binary(ByteBuffer data) {
        return new SharedMessage(null, data, data.remaining());
    }

    /** The payload's size in bytes, as the queue limits count it. */
    long bytes() {
        return bytes;
    }

    /** The text, or {@code null} for a binary message. */
    String text() {
        return text;
    }

    /** The binary payload, a view of its own for one recipient; {@code null} for a text message. */
    ByteBuffer binary() {
        return binary == null ? null : binary.duplicate();
    }

    /** The encoded frame, a view of its own for one recipient's write. */
    ByteBuffer frame() {
        ByteBuffer encoded = frame;
        if (encoded == null) { // two threads may both encode; either result is the same frame
            encoded = text != null ? textFrame(text) : binaryFrame(binary.duplicate());
            frame = encoded;
        }
        return encoded.duplicate();
    }

    /** A whole text message's frame, as a server sends it; the text must be {@link Utf8#wellFormed}. */
    static ByteBuffer textFrame(String text) {
        return encode(FIN_TEXT, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A whole binary message's frame, as a server sends it. */
    static ByteBuffer binaryFrame(ByteBuffer payload) {
        return encode(FIN_BINARY, payload);
    }

    /** RFC 6455 section 5.2: FIN and opcode, the shortest length encoding, no mask; then the payload. */
    private static ByteBuffer encode(byte finAndOpcode, ByteBuffer payload) {
        int length = payload.remaining();
        int head = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuffer frame = ByteBuffer.allocate(head + length).put(finAndOpcode);
        if (length < 126) {
            frame.put((byte) length);
        } else if (length <= 0xFFFF) {
            frame.put((byte) 126).putShort((short) length);
        } else {
            frame.put((byte) 127).putLong(length);
        }
        return frame.put(payload).flip();
    }
}
