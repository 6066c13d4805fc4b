package dev.switchboard;

import java.time.Duration;

/**
 * A change of a {@link ClientSession}'s state, as its listener sees it ({@link WebSocketConnector#onStateChange}).
 *
 * @param session       the client's session, e.g. to close a client that keeps trying
 * @param state         the state the client is now in
 * @param lastClose     how its last connection ended, or {@code null} if none ended yet
 * @param failure       why its last attempt to connect failed (a {@link HandshakeRefusedException}, an
 *                      {@link java.io.IOException}, a timeout), or {@code null} if it did not fail
 * @param nextAttemptIn while {@link ClientState#RECONNECTING}, how long until the next attempt; else {@code null}
 */
public record ClientStateChange(ClientSession session, ClientState state, CloseStatus lastClose, Throwable failure, Duration nextAttemptIn) {
}
