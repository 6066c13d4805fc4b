package dev.switchboard.runtime;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.function.ToLongFunction;

/**
 * The parts of one message on their way from the host thread that delivers them to the handler that reads them
 * as a stream, on another thread. It holds a bounded amount: the host thread waits while it is full, so that it
 * reads no more from the connection, and TCP's flow control holds the client back. A message of any length
 * passes in that memory.
 *
 * <p>The message ends normally once its last part was read, or with an {@link IOException} once the parts put
 * before a {@link #fail failure} were read. After the reader {@link #abandon abandoned} it, whatever still comes
 * is dropped.
 *
 * @param <T> the type of the parts: {@code String} or {@code ByteBuffer}
 */
final class InboundPipe<T> {

    /** What the pipe holds before the host thread waits: bytes of binary parts, chars of text parts. */
    static final long CAPACITY = 256 * 1024;

    private final ToLongFunction<T> size;
    private final long capacity;
    private final ArrayDeque<T> parts = new ArrayDeque<>();
    private long buffered;
    /** Whether the last part was put. */
    private boolean complete;
    /** Why the message will not complete, once that is known. */
    private String failure;
    /** Whether the reader is done with the message. */
    private boolean abandoned;

    /** @param size the size of a part, counted against the capacity */
    InboundPipe(ToLongFunction<T> size) {
        this(size, CAPACITY);
    }

    InboundPipe(ToLongFunction<T> size, long capacity) {
        this.size = size;
        this.capacity = capacity;
    }

    /**
     * Hands over a part, after waiting while the pipe is full; drops it if the message failed or the reader is
     * done. The part must stay as it is: a host's buffer is copied first. An interrupt while waiting fails the
     * message, and leaves the thread interrupted.
     */
    synchronized void put(T part, boolean last) {
        while (buffered >= capacity && open()) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("the thread delivering the message was interrupted");
            }
        }
        if (!open()) {
            return;
        }
        parts.add(part);
        buffered += size.applyAsLong(part);
        complete = last;
        notifyAll();
    }

    /**
     * Takes the next part, waiting until one came.
     *
     * @return the part, or {@code null} once the message ended
     * @throws IOException if the message failed, once the parts before the failure were taken, or if the reader
     *                     abandoned it
     */
    synchronized T take() throws IOException {
        while (parts.isEmpty()) {
            if (abandoned) {
                throw new IOException("the stream was closed");
            }
            if (complete) {
                return null;
            }
            if (failure != null) {
                throw new IOException(failure);
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the rest of the message");
            }
        }
        T part = parts.poll();
        buffered -= size.applyAsLong(part);
        notifyAll();
        return part;
    }

    /**
     * Ends an incomplete message with a failure, which the reader meets after the parts that came before it.
     *
     * @param why the message of the reader's {@link IOException}
     */
    synchronized void fail(String why) {
        if (!complete && failure == null) {
            failure = why;
            notifyAll();
        }
    }

    /** The reader is done: the parts held and those still to come are dropped, and the host thread goes on. */
    synchronized void abandon() {
        abandoned = true;
        parts.clear();
        buffered = 0;
        notifyAll();
    }

    /** Whether parts are still wanted. */
    private boolean open() {
        return !abandoned && failure == null;
    }
}
