package dev.switchboard.standalone;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.asyncqueue.AsyncQueueEnabledTransport;
import org.glassfish.grizzly.asyncqueue.AsyncQueueWriter;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Writes an upgraded connection's frames to its Grizzly connection, which queues what the socket cannot take yet.
 * No queue of its own: each session writes one message at a time, within its own bounded queue, so what waits here
 * is at most a message and control frames.
 *
 * <p>A plain TCP connection's frames go straight to the transport's write queue: through the filter chain, every
 * frame made a chain context and passed each filter's write, which for a broadcast to 1,000 sessions was most of the
 * server's time (JFR: {@code FilterChainContext.create} and {@code DefaultFilterChain.executeFilter} were the top
 * frames). A TLS connection's frames take the chain, whose TLS filter encrypts them.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // Grizzly's writers are generic in the peer address, which TCP never uses
final class ConnectionWriter extends Writer {

    private final Connection connection;
    /** The transport's write queue for a plain connection, or {@code null} to write through the filter chain. */
    private final AsyncQueueWriter direct;

    /**
     * @param connection the upgraded connection
     * @param secure     whether it speaks TLS, whose filter must see every byte
     */
    ConnectionWriter(Connection<?> connection, boolean secure) {
        this.connection = connection;
        this.direct = !secure && connection.getTransport() instanceof AsyncQueueEnabledTransport transport
                ? transport.getAsyncQueueIO().getWriter() : null;
    }

    @Override
    public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> done) {
        if (!connection.isOpen()) {
            done.failed(new IOException("The connection is closed"));
            return;
        }
        org.glassfish.grizzly.Buffer frame = Buffers.wrap(connection.getMemoryManager(), buffer);
        EmptyCompletionHandler<WriteResult> written = new EmptyCompletionHandler<>() {
            @Override
            public void completed(WriteResult result) {
                done.completed(buffer);
            }

            @Override
            public void failed(Throwable error) {
                done.failed(error);
            }

            @Override
            public void cancelled() {
                done.cancelled();
            }
        };
        if (direct != null) {
            direct.write(connection, null, frame, written, (org.glassfish.grizzly.asyncqueue.MessageCloner) null);
        } else {
            connection.write(frame, written);
        }
    }

    @Override
    public void close() {
        connection.closeSilently();
    }
}
