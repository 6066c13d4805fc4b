package dev.switchboard.standalone;

import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;
import org.glassfish.tyrus.spi.WriterInfo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A connection's writer that, once the server has written its close frame, holds back closing the socket until
 * the client has answered with its own close, as RFC 6455 (7.1.1) asks, or a short while has passed; during a
 * drain, until the drain's deadline, when the host closes what is left.
 *
 * <p>Why: Tyrus closes the socket as soon as its close frame is written. A socket closed with bytes still
 * coming in is reset, and a reset can destroy the close frame on its way: a client still sending sees a broken
 * connection (1006) instead of the close it was sent. Meanwhile what the client sends is read and dropped
 * ({@link FrameLimit}), never handed to Tyrus, whose session is over. A close the client began is answered and
 * the socket closed at once: the client has nothing more to say.
 */
final class LingeringClose extends Writer {

    /** Long enough for a client on a fair link to finish its frame and answer; short enough to bound the cost. */
    static final Duration LINGER = Duration.ofSeconds(2);

    private static final int OPCODE = 0x0F;
    private static final int CLOSE = 0x8;

    private final Writer socket;
    private final ClosingConnections closings;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closeSent;
    private volatile boolean clientClosed;
    private volatile boolean closeAsked;

    /**
     * @param socket   the writer of the connection's socket
     * @param closings the host's connections that wait for their client's close, this one among them meanwhile
     */
    LingeringClose(Writer socket, ClosingConnections closings) {
        this.socket = socket;
        this.closings = closings;
    }

    /** Whether the server's close frame has been written: nothing the client sends now is for Tyrus. */
    boolean closeSent() {
        return closeSent;
    }

    /** The client's close frame has come: nothing more is worth reading. */
    void clientClosed() {
        clientClosed = true;
        if (closeAsked) {
            closeNow();
        }
    }

    /** The socket is closed, by whichever side: nothing to wait for any more. */
    void socketClosed() {
        if (closed.compareAndSet(false, true)) {
            closings.closed(this);
        }
    }

    @Override
    public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler) {
        noteClose(buffer);
        socket.write(buffer, completionHandler);
    }

    @Override
    public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler, WriterInfo writerInfo) {
        noteClose(buffer);
        socket.write(buffer, completionHandler, writerInfo);
    }

    /**
     * Counts the connection among those a drain waits for once the server's own close frame is written; Tyrus
     * writes it before it reports the session closed, so a drain that saw every session disconnected finds
     * every such connection counted.
     */
    private void noteClose(ByteBuffer frame) {
        if (!closeSent && frame.hasRemaining() && (frame.get(frame.position()) & OPCODE) == CLOSE) {
            closeSent = true;
            if (!clientClosed) {
                closings.waiting(this);
                if (closed.get()) { // the socket closed meanwhile: it waits for nothing
                    closings.closed(this);
                }
            }
        }
    }

    @Override
    public void close() {
        closeAsked = true;
        if (!closeSent || clientClosed) {
            closeNow();
        } else if (!closings.draining()) {
            CompletableFuture.delayedExecutor(LINGER.toMillis(), TimeUnit.MILLISECONDS).execute(this::closeNow);
        }
        // During a drain the host closes the connection when the client has answered or the deadline passed.
    }

    private void closeNow() {
        if (closed.compareAndSet(false, true)) {
            closings.closed(this);
            try {
                socket.close();
            } catch (IOException ignored) {
                // the socket is gone either way
            }
        }
    }
}
