package dev.switchboard;

/**
 * Why a connection ended, as reported to {@link OnDisconnected} in {@link CloseStatus#cause()}.
 */
public enum CloseCause {
    /**
     * The client sent a close frame; on a {@link WebSocketClient}, application code closed the client with
     * {@link WebSocketSession#close()}.
     */
    CLIENT_CLOSED,
    /**
     * Application code closed the session with {@link WebSocketSession#close()}; on a {@link WebSocketClient}, the
     * server sent a close frame.
     */
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
    /**
     * A message did not decode into the type its handler takes, and the route has no {@link OnError} handler to
     * answer it (1007).
     */
    UNDECODABLE_MESSAGE,
    /**
     * The client reads too slowly: its outbound queue overflowed under a closing overflow action, or a send
     * did not complete within the send timeout (1008, or 1013 with {@link OverflowAction#CLOSE_TRY_AGAIN_LATER}).
     */
    SLOW_CONSUMER,
    /** No pong answered a heartbeat ping within the heartbeat timeout: the client is gone or stuck (1001). */
    HEARTBEAT_TIMEOUT,
    /** No message went either way within the idle timeout (1001). */
    IDLE_TIMEOUT,
    /** The server is shutting down (1001). */
    SHUTDOWN
}
