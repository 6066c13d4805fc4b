package dev.switchboard;

import java.util.Objects;

/**
 * How a connection ended: the close code and reason, and the typed cause.
 *
 * @param code   the close code; 1006 when the connection was lost without a close frame
 * @param reason the close reason, empty if none
 * @param cause  why the connection ended
 */
public record CloseStatus(int code, String reason, CloseCause cause) {

    /** Normal Closure. */
    public static final int NORMAL = 1000;
    /** Going Away: the server shuts down. */
    public static final int GOING_AWAY = 1001;
    /** Protocol Error. */
    public static final int PROTOCOL_ERROR = 1002;
    /** Unsupported Data: a kind of message the route does not handle. */
    public static final int UNSUPPORTED_DATA = 1003;
    /** Abnormal Closure: no close frame; never sent on the wire. */
    public static final int ABNORMAL = 1006;
    /** Invalid Frame Payload Data, e.g. invalid UTF-8 in a text message. */
    public static final int INVALID_PAYLOAD = 1007;
    /** Policy Violation. */
    public static final int POLICY_VIOLATION = 1008;
    /** Message Too Big. */
    public static final int TOO_BIG = 1009;
    /** Internal Error: a handler failed. */
    public static final int INTERNAL_ERROR = 1011;
    /** Service Restart: the server is restarting; a client may reconnect soon. */
    public static final int SERVICE_RESTART = 1012;
    /** Try Again Later: the server is overloaded or the client too slow; reconnect later. */
    public static final int TRY_AGAIN_LATER = 1013;

    /**
     * Creates a close status.
     *
     * @param code   the close code
     * @param reason the reason; {@code null} becomes empty
     * @param cause  the cause, not {@code null}
     */
    public CloseStatus {
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(cause, "cause");
    }
}
