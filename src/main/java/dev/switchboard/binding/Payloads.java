package dev.switchboard.binding;

import java.nio.ByteBuffer;

/**
 * Conversions that generated adapters use between what the host delivers and what handlers declare.
 */
public final class Payloads {

    private Payloads() {
    }

    /**
     * Copies a buffer's remaining bytes, leaving its position unchanged.
     *
     * @param buffer the message
     * @return a new array with the bytes
     */
    public static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
