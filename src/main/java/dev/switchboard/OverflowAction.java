package dev.switchboard;

/**
 * What happens to a write that would exceed a session's {@link SendQueueLimits}. Whatever the action, every
 * message that is not sent is counted in {@link WebSocketSession#droppedMessages()} and
 * {@link Sessions#droppedMessages()}: nothing is dropped silently.
 */
public enum OverflowAction {
    /** Only on {@link Route#onOverflow()}: take the server's setting. */
    INHERIT,
    /**
     * Drops the newest message: the write that does not fit fails with {@link SendOverflowException}; the
     * session stays open and what was queued before still goes out.
     */
    FAIL_SEND,
    /**
     * Drops the oldest queued messages, as many as needed to make room, and queues the new one: for feeds
     * where only the latest values matter. Each dropped write fails with {@link SendOverflowException}.
     */
    DROP_OLDEST,
    /**
     * The write fails and the session is closed at once with 1008 (Policy Violation), cause
     * {@link CloseCause#SLOW_CONSUMER}; queued messages are not sent.
     */
    CLOSE_SESSION,
    /**
     * As {@link #CLOSE_SESSION}, with 1013 (Try Again Later): tells the client to reconnect and catch up.
     */
    CLOSE_TRY_AGAIN_LATER
}
