package dev.switchboard.runtime;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One entry of a session's outbound queue: a message, ping or close, and the future its writer waits on.
 */
abstract class Outbound extends CompletableFuture<Void> {

    /** What an entry carries: a message of either kind, or a ping or close, which metrics do not count as messages. */
    enum Kind { TEXT, BINARY, CONTROL }

    /** What the entry counts against the byte limit. */
    final long bytes;
    final Kind kind;
    /** When it was offered to the queue, for the time it takes to reach the socket; set only when measured. */
    long offeredNanos;

    private Outbound(long bytes, Kind kind) {
        this.bytes = bytes;
        this.kind = kind;
    }

    /** Starts writing the entry; {@code done} receives {@code null} or the failure, possibly on another thread. */
    abstract void start(Transport transport, Consumer<Throwable> done);

    /** Whether nothing may be written after this entry. */
    boolean isClose() {
        return false;
    }

    static Outbound text(String text) {
        return new Outbound(Utf8.length(text), Kind.TEXT) {
            @Override
            void start(Transport transport, Consumer<Throwable> done) {
                transport.sendText(text, done);
            }
        };
    }

    static Outbound binary(ByteBuffer data) {
        return new Outbound(data.remaining(), Kind.BINARY) {
            @Override
            void start(Transport transport, Consumer<Throwable> done) {
                transport.sendBinary(data, done);
            }
        };
    }

    static Outbound shared(SharedMessage message) {
        return new Outbound(message.bytes(), message.text() != null ? Kind.TEXT : Kind.BINARY) {
            @Override
            void start(Transport transport, Consumer<Throwable> done) {
                transport.sendShared(message, done);
            }
        };
    }

    static Outbound ping(ByteBuffer payload) {
        if (payload.remaining() > 125) {
            throw new IllegalArgumentException("A ping payload has at most 125 bytes, was " + payload.remaining());
        }
        return new Outbound(payload.remaining(), Kind.CONTROL) {
            @Override
            void start(Transport transport, Consumer<Throwable> done) {
                transport.sendPing(payload, done);
            }
        };
    }

    static Outbound close(int code, String reason) {
        return new Outbound(0, Kind.CONTROL) {
            @Override
            void start(Transport transport, Consumer<Throwable> done) {
                transport.close(code, reason, done);
            }

            @Override
            boolean isClose() {
                return true;
            }
        };
    }
}
