package dev.switchboard.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A binary message as an {@link InputStream} that reads its parts as they arrive through an {@link InboundPipe}.
 * Closing it drops the rest of the message.
 */
final class PartsInputStream extends InputStream {

    private final InboundPipe<ByteBuffer> pipe;
    private ByteBuffer current;
    private boolean ended;

    PartsInputStream(InboundPipe<ByteBuffer> pipe) {
        this.pipe = pipe;
    }

    @Override
    public int read() throws IOException {
        return next() ? current.get() & 0xff : -1;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length == 0) {
            return 0;
        }
        if (!next()) {
            return -1;
        }
        int count = Math.min(length, current.remaining());
        current.get(bytes, offset, count);
        return count;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.remaining();
    }

    @Override
    public void close() {
        pipe.abandon();
    }

    /** Whether there is a byte to read, waiting for the next part if need be. */
    private boolean next() throws IOException {
        while (!ended && (current == null || !current.hasRemaining())) {
            current = pipe.take();
            ended = current == null;
        }
        return !ended;
    }
}
