package dev.switchboard.runtime;

import dev.switchboard.WebSocketSession;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The writes of a {@link WebSocketSession}, each an {@link Outbound} entry that {@link ConnectionSession} queues.
 */
abstract class SessionWrites extends SessionFacts {

    static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    SessionWrites(ConnectionInfo info) {
        super(info);
    }

    /** Queues an entry, or fails it if the session no longer sends. */
    abstract CompletableFuture<Void> write(Outbound entry);

    /** The codec of the session's route. */
    abstract RouteCodec codec();

    @Override
    public CompletionStage<Void> writeText(String text) {
        return write(Outbound.text(text));
    }

    @Override
    public CompletionStage<Void> writeData(byte[] data) {
        return write(Outbound.binary(ByteBuffer.wrap(data)));
    }

    @Override
    public CompletionStage<Void> writeData(ByteBuffer data) {
        return write(Outbound.binary(data));
    }

    @Override
    public CompletionStage<Void> writeObject(Object value) {
        return write(codec().encode(Objects.requireNonNull(value, "value")));
    }

    @Override
    public CompletionStage<Void> ping() {
        return ping(EMPTY);
    }

    @Override
    public CompletionStage<Void> ping(ByteBuffer payload) {
        return write(Outbound.ping(payload));
    }
}
