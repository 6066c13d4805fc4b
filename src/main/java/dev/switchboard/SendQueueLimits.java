package dev.switchboard;

import java.time.Duration;

/**
 * Bounds of a session's outbound queue, so that a slow or stuck client cannot make the server hold
 * unbounded memory.
 *
 * <p>A write is refused when the queue already holds {@code maxMessages} messages, or when its bytes would
 * take the queue above {@code maxBytes}. A message written to an empty queue is always accepted, whatever
 * its size, so a single large message is never refused by the byte limit alone.
 *
 * <p>A send that the client does not take within {@code sendTimeout} (the socket stays full) closes the
 * session as a slow consumer: 1008, or 1013 with {@link OverflowAction#CLOSE_TRY_AGAIN_LATER}.
 *
 * @param maxMessages most messages queued per session, at least 1
 * @param maxBytes    most bytes queued per session, at least 1
 * @param onOverflow  what a refused write does; not {@link OverflowAction#INHERIT}
 * @param sendTimeout how long one send may wait for the client; {@link Duration#ZERO} for no limit
 */
public record SendQueueLimits(int maxMessages, long maxBytes, OverflowAction onOverflow, Duration sendTimeout) {

    /** The defaults: 1,024 messages, 4 MiB, fail the send, 60 seconds per send. */
    public static final SendQueueLimits DEFAULT =
            new SendQueueLimits(1024, 4L << 20, OverflowAction.FAIL_SEND, Duration.ofSeconds(60));

    /**
     * Limits with the default send timeout of 60 seconds.
     *
     * @param maxMessages most messages queued per session
     * @param maxBytes    most bytes queued per session
     * @param onOverflow  what a refused write does
     */
    public SendQueueLimits(int maxMessages, long maxBytes, OverflowAction onOverflow) {
        this(maxMessages, maxBytes, onOverflow, DEFAULT.sendTimeout());
    }

    /**
     * Checks the limits.
     *
     * @param maxMessages most messages queued per session
     * @param maxBytes    most bytes queued per session
     * @param onOverflow  what a refused write does
     * @param sendTimeout how long one send may wait for the client
     */
    public SendQueueLimits {
        if (maxMessages < 1) {
            throw new IllegalArgumentException("maxMessages must be at least 1, was " + maxMessages);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
        }
        if (onOverflow == null || onOverflow == OverflowAction.INHERIT) {
            throw new IllegalArgumentException("onOverflow must be an action, not " + onOverflow);
        }
        if (sendTimeout == null || sendTimeout.isNegative()) {
            throw new IllegalArgumentException("sendTimeout must be zero or positive, was " + sendTimeout);
        }
    }
}
