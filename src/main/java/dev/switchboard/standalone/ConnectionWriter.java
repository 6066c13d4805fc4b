package dev.switchboard.standalone;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Writes an upgraded connection's frames to its Grizzly connection, which queues what the socket cannot take yet.
 * No queue of its own: each session writes one message at a time, within its own bounded queue, so what waits here
 * is at most a message and control frames.
 */
final class ConnectionWriter extends Writer {

    @SuppressWarnings("rawtypes") // Grizzly's write is generic in the peer address, which a TCP connection never uses
    private final Connection connection;

    ConnectionWriter(Connection<?> connection) {
        this.connection = connection;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> done) {
        if (!connection.isOpen()) {
            done.failed(new IOException("The connection is closed"));
            return;
        }
        connection.write(Buffers.wrap(connection.getMemoryManager(), buffer), new EmptyCompletionHandler<WriteResult<?, ?>>() {
            @Override
            public void completed(WriteResult<?, ?> result) {
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
        });
    }

    @Override
    public void close() {
        connection.closeSilently();
    }
}
