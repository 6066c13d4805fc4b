package dev.switchboard.runtime;

import java.io.IOException;
import java.io.Writer;

/**
 * The {@link Writer} of a text message written in parts: each part is the characters buffered when the buffer
 * fills, on {@link #flush()}, and the rest on {@link #close()}, which ends the message.
 */
final class PartWriter extends Writer {

    /** Characters per part: up to 48 KiB of UTF-8, little enough to pace a slow client by. */
    static final int PART_CHARS = 16 * 1024;

    private final PartMessage message;
    private final char[] buffer = new char[PART_CHARS];
    private int count;
    private boolean closed;

    PartWriter(PartMessage message) {
        this.message = message;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, chars.length);
        synchronized (lock) {
            ensureOpen();
            while (length > 0) {
                int n = Math.min(length, buffer.length - count);
                System.arraycopy(chars, offset, buffer, count, n);
                count += n;
                offset += n;
                length -= n;
                if (count == buffer.length) {
                    handOver(false);
                }
            }
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, text.length());
        synchronized (lock) {
            ensureOpen();
            while (length > 0) {
                int n = Math.min(length, buffer.length - count);
                text.getChars(offset, offset + n, buffer, count);
                count += n;
                offset += n;
                length -= n;
                if (count == buffer.length) {
                    handOver(false);
                }
            }
        }
    }

    @Override
    public void write(int c) throws IOException {
        synchronized (lock) {
            ensureOpen();
            buffer[count++] = (char) c;
            if (count == buffer.length) {
                handOver(false);
            }
        }
    }

    /** Sends what is buffered as a part of its own; the message goes on. */
    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            ensureOpen();
            handOver(false);
        }
    }

    /** Sends what is buffered as the last part, which ends the message; closing again does nothing. */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (!closed) {
                closed = true;
                handOver(true);
            }
        }
    }

    /**
     * Hands the buffer over as a part; a high surrogate at its end waits for its low one, since the parts of a
     * text are sent as strings and a character may not be cut in two.
     */
    private void handOver(boolean last) throws IOException {
        int n = !last && count > 0 && Character.isHighSurrogate(buffer[count - 1]) ? count - 1 : count;
        if (n == 0 && !last) {
            return;
        }
        String part = new String(buffer, 0, n);
        count -= n;
        if (count > 0) {
            buffer[0] = buffer[n];
        }
        message.handOver(Outbound.textPart(part, last), last);
    }

    private void ensureOpen() throws IOException {
        message.throwIfFailed();
        if (closed) {
            throw new IOException("The message was closed: open another writer for the next message");
        }
    }
}
