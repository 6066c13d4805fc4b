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

    Outbound(long bytes, Kind kind) {
        this.bytes = bytes;
        this.kind = kind;
    }

    /** Starts writing the entry; {@code done} receives {@code null} or the failure, possibly on another thread. */
    abstract void start(Transport transport, Consumer<Throwable> done);

    /** Whether nothing may be written after this entry. */
    boolean isClose() {
        return false;
    }

    /** Whether the entry counts against the message limit: all but the parts of a message written in parts. */
    boolean countsAsMessage() {
        return true;
    }

    /** The bytes the entry sent, for metrics, once it completed. */
    long sentBytes() {
        return bytes;
    }

    /**
     * Since when the entry, being written, has waited for the client; 0 if it waits for nothing.
     *
     * @param startedNanos when the writer started it
     */
    long waitingSince(long startedNanos) {
        return startedNanos;
    }

    /**
     * Offers a control frame to send before the rest of this entry, which is being written; a ping may go between
     * the fragments of a message (RFC 6455, section 5.4).
     *
     * @return whether the entry took it; if not, it goes into the queue
     */
    boolean interject(Outbound control) {
        return false;
    }

    /** The queue closed while this entry is being written: an entry of many sends stops after the current one. */
    void queueClosed(Throwable failure) {
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

    /** One part of a text message written in parts; {@code last} ends the message. */
    static Outbound textPart(String part, boolean last) {
        return new Outbound(Utf8.length(part), Kind.TEXT) {
            @Override
            void start(Transport transport, Consumer<Throwable> done) {
                transport.sendTextPart(part, last, done);
            }

            @Override
            boolean countsAsMessage() {
                return false;
            }
        };
    }

    /** One part of a binary message written in parts; {@code last} ends the message. */
    static Outbound binaryPart(ByteBuffer part, boolean last) {
        return new Outbound(part.remaining(), Kind.BINARY) {
            @Override
            void start(Transport transport, Consumer<Throwable> done) {
                transport.sendBinaryPart(part, last, done);
            }

            @Override
            boolean countsAsMessage() {
                return false;
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
