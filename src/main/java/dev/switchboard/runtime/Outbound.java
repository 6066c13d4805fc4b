package dev.switchboard.runtime;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One entry of a session's outbound queue: a message, ping or close, and the future its writer waits on.
 */
abstract class Outbound extends CompletableFuture<Void> {

    /** What the entry counts against the byte limit. */
    final long bytes;

    private Outbound(long bytes) {
        this.bytes = bytes;
    }

    /** Starts writing the entry; {@code done} receives {@code null} or the failure, possibly on another thread. */
    abstract void start(Transport transport, Consumer<Throwable> done);

    /** Whether nothing may be written after this entry. */
    boolean isClose() {
        return false;
    }

    static Outbound text(String text) {
        return new Outbound(Utf8.length(text)) {
            @Override
            void start(Transport transport, Consumer<Throwable> done) {
                transport.sendText(text, done);
            }
        };
    }

    static Outbound binary(ByteBuffer data) {
        return new Outbound(data.remaining()) {
            @Override
            void start(Transport transport, Consumer<Throwable> done) {
                transport.sendBinary(data, done);
            }
        };
    }

    static Outbound shared(SharedMessage message) {
        return new Outbound(message.bytes()) {
            @Override
            void start(Transport transport, Consumer<Throwable> done) {
                transport.sendShared(message, done);
            }
        };
    }

    static Outbound ping(ByteBuffer payload) {
        return new Outbound(payload.remaining()) {
            @Override
            void start(Transport transport, Consumer<Throwable> done) {
                transport.sendPing(payload, done);
            }
        };
    }

    static Outbound close(int code, String reason) {
        return new Outbound(0) {
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
