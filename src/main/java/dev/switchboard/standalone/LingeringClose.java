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
 * A connection's writer that holds back closing the socket while the client is still sending a frame the
 * server refused, until the client has answered the server's close or a short while has passed.
 *
 * <p>Why: Tyrus closes the socket as soon as its close frame is written. A socket closed with bytes still
 * coming in is reset, and a reset can destroy the close frame on its way, so the client would see 1006 instead
 * of the 1009 it was sent. The refused frame is read and dropped meanwhile ({@link FrameLimit}), never buffered.
 */
final class LingeringClose extends Writer {

    /** Long enough for a client on a fair link to finish its frame and answer; short enough to bound the cost. */
    static final Duration LINGER = Duration.ofSeconds(2);

    private final Writer socket;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean lingering;
    private volatile boolean clientAnswered;
    private volatile boolean closeAsked;

    /**
     * @param socket the writer Tyrus's Grizzly filter made for the connection
     */
    LingeringClose(Writer socket) {
        this.socket = socket;
    }

    /** The server refused a frame the client is still sending: closing the socket waits for the client. */
    void linger() {
        lingering = true;
    }

    /** The client's close frame has come: nothing more is worth reading. */
    void clientAnswered() {
        clientAnswered = true;
        if (closeAsked) {
            closeNow();
        }
    }

    @Override
    public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler) {
        socket.write(buffer, completionHandler);
    }

    @Override
    public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler, WriterInfo writerInfo) {
        socket.write(buffer, completionHandler, writerInfo);
    }

    @Override
    public void close() {
        closeAsked = true;
        if (!lingering || clientAnswered) {
            closeNow();
            return;
        }
        CompletableFuture.delayedExecutor(LINGER.toMillis(), TimeUnit.MILLISECONDS).execute(this::closeNow);
    }

    private void closeNow() {
        if (closed.compareAndSet(false, true)) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the socket is gone either way
            }
        }
    }
}
