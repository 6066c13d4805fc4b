package dev.switchboard.runtime;

import dev.switchboard.SendOverflowException;

import java.util.concurrent.CompletableFuture;

/**
 * What became of a message offered to one session.
 */
enum Delivery {
    /** Queued for sending. */
    QUEUED,
    /** Refused by a full outbound queue. */
    DROPPED,
    /** Refused because the session is closing or closed. */
    CLOSED;

    /** What became of a message, told at once from the write's future: a refusal completes it before it returns. */
    static Delivery of(CompletableFuture<Void> written) {
        if (!written.isCompletedExceptionally()) {
            return QUEUED;
        }
        Throwable refusal = written.handle((ignored, failure) -> failure).join();
        return refusal instanceof SendOverflowException ? DROPPED : CLOSED;
    }
}
