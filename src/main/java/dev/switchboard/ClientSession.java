package dev.switchboard;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A client's session ({@link WebSocketConnector#connect()}): the {@link WebSocketSession} API over whichever
 * connection is open now. Handlers of the client class are given this same session, for each of its connections.
 *
 * <p>Writes go to the open connection, through its single ordered writer and bounded queue; while the client
 * reconnects they fail, or wait for the next connection (see {@link Reconnect#queueWhileReconnecting()}).
 * {@link #close()} closes the client for good: it does not reconnect after its own close. {@link #attributes()}
 * live as long as the client, across its connections; {@link #id()} is the client's.
 */
public interface ClientSession extends WebSocketSession {

    /**
     * Where the client stands.
     *
     * @return its state
     */
    ClientState clientState();

    /**
     * Completes when the client is closed for good: with how its last connection ended, or exceptionally with the
     * failure it gave up on (a {@link HandshakeRefusedException}, an {@link java.io.IOException}).
     *
     * @return the end of the client
     */
    CompletionStage<CloseStatus> closed();

    /**
     * How the last connection ended.
     *
     * @return its close status, if one ended yet
     */
    Optional<CloseStatus> lastClose();

    /**
     * Why the last attempt to connect failed.
     *
     * @return the failure, if the last attempt failed
     */
    Optional<Throwable> lastFailure();
}
