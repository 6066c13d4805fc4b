package dev.switchboard.standalone;

import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/** The socket's side of a connection's writer, for unit tests: it writes nothing and counts its closes. */
final class SocketWriter extends Writer {

    final AtomicInteger closes = new AtomicInteger();

    /** Writes the server's close frame (1000, unmasked) through a writer, as Tyrus does before it closes. */
    static void writeServerClose(Writer writer) {
        writer.write(ByteBuffer.wrap(new byte[] {(byte) 0x88, 2, 0x03, (byte) 0xE8}), null);
    }

    @Override
    public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> handler) {
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }
}
