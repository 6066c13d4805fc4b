package dev.switchboard;

/**
 * Bounds of a session's outbound queue, so that a slow or stuck client cannot make the server hold
 * unbounded memory.
 *
 * <p>A write is refused when the queue already holds {@code maxMessages} messages, or when its bytes would
 * take the queue above {@code maxBytes}. A message written to an empty queue is always accepted, whatever
 * its size, so a single large message is never refused by the byte limit alone.
 *
 * @param maxMessages most messages queued per session, at least 1
 * @param maxBytes    most bytes queued per session, at least 1
 * @param onOverflow  what a refused write does; not {@link OverflowAction#INHERIT}
 */
public record SendQueueLimits(int maxMessages, long maxBytes, OverflowAction onOverflow) {

    /** The defaults: 1,024 messages, 4 MiB, fail the send. */
    public static final SendQueueLimits DEFAULT = new SendQueueLimits(1024, 4L << 20, OverflowAction.FAIL_SEND);

    /**
     * Checks the limits.
     *
     * @param maxMessages most messages queued per session
     * @param maxBytes    most bytes queued per session
     * @param onOverflow  what a refused write does
     */
    public SendQueueLimits {
        if (maxMessages < 1) {
            throw new IllegalArgumentException("maxMessages must be at least 1, was " + maxMessages);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
        }
        if (onOverflow == null || onOverflow == OverflowAction.INHERIT) {
            throw new IllegalArgumentException("onOverflow must be FAIL_SEND or CLOSE_SESSION, was " + onOverflow);
        }
    }
}
