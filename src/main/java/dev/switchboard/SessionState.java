package dev.switchboard;

/**
 * The life of a {@link WebSocketSession}, as the {@code readyState} of a browser WebSocket describes it.
 */
public enum SessionState {
    /** Open: writes are accepted. */
    OPEN,
    /** A close was requested or received; queued messages are still being sent, new writes fail. */
    CLOSING,
    /** The connection is closed. */
    CLOSED
}
