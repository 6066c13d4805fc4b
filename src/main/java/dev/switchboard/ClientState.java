package dev.switchboard;

/** Where a {@link ClientSession} stands: a client goes through these, one connection after another. */
public enum ClientState {
    /** Its first connection is being opened. */
    CONNECTING,
    /** A connection is open. */
    OPEN,
    /** A connection ended or failed, and another is on its way (after a delay, see {@link Reconnect}). */
    RECONNECTING,
    /** The client was closed, gave up, or its only connection ended: it connects no more. */
    CLOSED
}
