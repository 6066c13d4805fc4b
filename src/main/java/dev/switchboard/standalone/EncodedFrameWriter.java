package dev.switchboard.standalone;

import dev.switchboard.runtime.FrameWriter;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;
import org.glassfish.tyrus.spi.WriterInfo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * A connection's writer that also writes frames encoded once for all recipients of a broadcast, beside Tyrus's
 * own frames and never after its close frame.
 *
 * <p>Tyrus writes each frame whole, in one call; so do broadcasts. One lock around each call keeps the frames
 * whole and in the order of the calls, and lets a broadcast's frame see whether Tyrus has written its close.
 */
final class EncodedFrameWriter extends Writer implements FrameWriter {

    private static final int OPCODE = 0x0F;
    private static final int CLOSE = 0x8;

    private final Writer socket;
    private boolean closeWritten;

    /**
     * @param socket the writer below, which Tyrus's own frames would go to
     */
    EncodedFrameWriter(Writer socket) {
        this.socket = socket;
    }

    @Override
    public void write(ByteBuffer frame, Consumer<Throwable> done) {
        synchronized (this) {
            if (!closeWritten) {
                socket.write(frame, new CompletionHandler<>() {
                    @Override
                    public void completed(ByteBuffer result) {
                        done.accept(null);
                    }

                    @Override
                    public void failed(Throwable error) {
                        done.accept(error);
                    }

                    @Override
                    public void cancelled() {
                        done.accept(new IOException("The write was cancelled: the connection is closing"));
                    }
                });
                return;
            }
        }
        done.accept(new IOException("The connection's close frame was written: no data may follow it"));
    }

    @Override
    public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler) {
        synchronized (this) {
            noteClose(buffer);
            socket.write(buffer, completionHandler);
        }
    }

    @Override
    public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler, WriterInfo writerInfo) {
        synchronized (this) {
            noteClose(buffer);
            socket.write(buffer, completionHandler, writerInfo);
        }
    }

    private void noteClose(ByteBuffer frame) {
        if (frame.hasRemaining() && (frame.get(frame.position()) & OPCODE) == CLOSE) {
            closeWritten = true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
