package dev.switchboard.testkit;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * RFC 6455 frames as a client writes them (masked, section 5.3) and reads them (unmasked); also the few frames no
 * client should write.
 */
public final class Frames {

    /** Opcode of a continuation frame. */
    public static final int CONTINUATION = 0x0;
    /** Opcode of a text frame. */
    public static final int TEXT = 0x1;
    /** Opcode of a binary frame. */
    public static final int BINARY = 0x2;
    /** Opcode of a close frame. */
    public static final int CLOSE = 0x8;
    /** Opcode of a ping frame. */
    public static final int PING = 0x9;
    /** Opcode of a pong frame. */
    public static final int PONG = 0xA;

    private Frames() {
    }

    /**
     * A frame from the server.
     *
     * @param fin     whether it ends its message
     * @param opcode  its opcode
     * @param payload its payload, unmasked
     */
    public record Frame(boolean fin, int opcode, byte[] payload) {
    }

    /** One masked frame with its whole payload, as a client sends it. */
    public static byte[] masked(boolean fin, int opcode, byte[] payload) {
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        ByteArrayOutputStream frame = head(fin, opcode, payload.length, mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        return frame.toByteArray();
    }

    /**
     * A final, masked text frame with the reserved bits RSV2 and RSV3 set, which no extension of this connection
     * defined: RFC 6455 (5.2) makes the server fail the connection, with 1002.
     */
    public static byte[] reservedBitsSet(String text) {
        byte[] frame = masked(true, TEXT, text.getBytes(StandardCharsets.UTF_8));
        frame[0] |= 0x30;
        return frame;
    }

    /**
     * The head of a final, masked binary frame that announces {@code length} bytes, and the first {@code payloadBytes}
     * of them (zeros, under a zero mask).
     */
    public static byte[] announcing(long length, int payloadBytes) {
        ByteArrayOutputStream frame = head(true, BINARY, length, new byte[4]);
        frame.writeBytes(new byte[payloadBytes]);
        return frame.toByteArray();
    }

    /** The payload of a close frame: the code, then the reason in UTF-8. */
    public static byte[] closePayload(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + text.length];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, text.length);
        return payload;
    }

    private static ByteArrayOutputStream head(boolean fin, int opcode, long length, byte[] mask) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write((fin ? 0x80 : 0) | opcode);
        int maskBit = mask == null ? 0 : 0x80;
        if (length <= 125) {
            head.write(maskBit | (int) length);
        } else if (length <= 0xFFFF) {
            head.write(maskBit | 126);
            head.write((int) (length >>> 8));
            head.write((int) length);
        } else {
            head.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                head.write((int) (length >>> shift));
            }
        }
        if (mask != null) {
            head.writeBytes(mask);
        }
        return head;
    }

    /**
     * Reads the next frame.
     *
     * @return the frame, or {@code null} if the stream ended before it began
     * @throws IOException on a read error, or an end of stream within a frame
     */
    public static Frame read(InputStream stream) throws IOException {
        int first = stream.read();
        if (first < 0) {
            return null;
        }
        DataInputStream in = new DataInputStream(stream);
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("The server announced a frame of " + length + " bytes");
        }
        byte[] mask = null;
        if ((second & 0x80) != 0) { // servers must not mask; read it all the same
            mask = new byte[4];
            in.readFully(mask);
        }
        byte[] payload = new byte[(int) length];
        try {
            in.readFully(payload);
        } catch (EOFException e) {
            throw new EOFException("The stream ended within a frame of " + length + " bytes");
        }
        if (mask != null) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
        }
        return new Frame((first & 0x80) != 0, first & 0x0F, payload);
    }
}
