package dev.switchboard;

/**
 * What happens to a write that would exceed a session's {@link SendQueueLimits}.
 */
public enum OverflowAction {
    /** Only on {@link Route#onOverflow()}: take the server's setting. */
    INHERIT,
    /** The write's stage fails with {@link SendOverflowException}; the session stays open. */
    FAIL_SEND,
    /** The write fails and the session is closed with 1008, cause {@link CloseCause#SLOW_CONSUMER}. */
    CLOSE_SESSION
}
