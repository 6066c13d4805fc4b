package dev.switchboard.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The {@link OutputStream} of a binary message written in parts: each part is the bytes buffered when the buffer
 * fills, on {@link #flush()}, and the rest on {@link #close()}, which ends the message.
 */
final class PartStream extends OutputStream {

    /** Bytes per part: little enough to pace a slow client by, large enough to cost little per byte. */
    static final int PART_BYTES = 32 * 1024;

    private final PartMessage message;
    private final byte[] buffer = new byte[PART_BYTES];
    private int count;
    private boolean closed;

    PartStream(PartMessage message) {
        this.message = message;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        ensureOpen();
        buffer[count++] = (byte) b;
        if (count == buffer.length) {
            handOver(false);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        ensureOpen();
        while (length > 0) {
            int n = Math.min(length, buffer.length - count);
            System.arraycopy(bytes, offset, buffer, count, n);
            count += n;
            offset += n;
            length -= n;
            if (count == buffer.length) {
                handOver(false);
            }
        }
    }

    /** Sends what is buffered as a part of its own; the message goes on. */
    @Override
    public synchronized void flush() throws IOException {
        ensureOpen();
        if (count > 0) {
            handOver(false);
        }
    }

    /** Sends what is buffered as the last part, which ends the message; closing again does nothing. */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            handOver(true);
        }
    }

    private void handOver(boolean last) throws IOException {
        ByteBuffer part = ByteBuffer.wrap(Arrays.copyOf(buffer, count));
        count = 0;
        message.handOver(Outbound.binaryPart(part, last), last);
    }

    private void ensureOpen() throws IOException {
        message.throwIfFailed();
        if (closed) {
            throw new IOException("The message was closed: open another stream for the next message");
        }
    }
}
