package dev.switchboard;

/**
 * Why a connection ended, as reported to {@link OnDisconnected} in {@link CloseStatus#cause()}.
 */
public enum CloseCause {
    /** The client sent a close frame. */
    CLIENT_CLOSED,
    /** Application code closed the session with {@link WebSocketSession#close()}. */
    SERVER_CLOSED,
    /** The connection was lost without a close frame (code 1006). */
    CONNECTION_LOST,
    /** A handler threw; the session was closed with 1011. */
    HANDLER_FAILED,
    /** The client broke the protocol, for example with a malformed frame or invalid UTF-8 (1002, 1007). */
    PROTOCOL_ERROR,
    /** A message was larger than the configured limit (1009). */
    TOO_BIG,
    /** The client sent a kind of message the route has no handler for (1003). */
    UNSUPPORTED_DATA,
    /** The outbound queue overflowed and the overflow action closes the session (1008). */
    SLOW_CONSUMER,
    /** The server is shutting down (1001). */
    SHUTDOWN
}
