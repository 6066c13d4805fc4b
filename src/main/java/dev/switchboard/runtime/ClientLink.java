package dev.switchboard.runtime;

import dev.switchboard.CloseStatus;
import dev.switchboard.WebSocketSession;
import dev.switchboard.binding.ClientBinding;
import dev.switchboard.binding.ConnectionHandlers;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * One open connection of a {@link ClientEndpoint}: where the client hands what the connection receives, and its
 * session's writes and close.
 */
public final class ClientLink {

    private final ConnectionSession session;
    private final boolean text;
    private final boolean binary;
    private final ConnectionHandlers handlers;

    ClientLink(ConnectionSession session, ClientBinding binding, ConnectionHandlers handlers) {
        this.session = session;
        this.handlers = handlers;
        this.text = binding.handlesText();
        this.binary = binding.handlesBinary();
    }

    /** Runs {@code @OnConnected}, then the handlers of what arrives. */
    public void open() {
        session.opened(handlers, () -> { });
    }

    /**
     * The connection's own session: its writes, close and state.
     *
     * @return the session
     */
    public WebSocketSession session() {
        return session;
    }

    /**
     * A part of a text message arrived.
     *
     * @param part the part
     * @param last whether it ends the message
     */
    public void text(CharSequence part, boolean last) {
        session.messages().textPart(part.toString(), last, text);
    }

    /**
     * A part of a binary message arrived.
     *
     * @param part the part, valid only during the call
     * @param last whether it ends the message
     */
    public void binary(ByteBuffer part, boolean last) {
        session.messages().binaryPart(part, last, binary);
    }

    /**
     * A pong arrived.
     *
     * @param payload its payload
     */
    public void pong(ByteBuffer payload) {
        session.messages().pong(payload);
    }

    /**
     * The connection ended: the server's close frame (code 1006 if it ended without one).
     *
     * @param code   the close code
     * @param reason the close reason
     */
    public void closed(int code, String reason) {
        session.hostClosed(code, reason);
    }

    /**
     * An error on the connection, for {@code @OnError}; {@link #closed} follows.
     *
     * @param error the error
     */
    public void failed(Throwable error) {
        session.hostFailed(error);
    }

    /**
     * Ends the session without waiting for the server any longer.
     *
     * @param status what {@code @OnDisconnected} is told
     */
    public void abandon(CloseStatus status) {
        session.abandon(status);
    }

    /**
     * Completes once {@code @OnDisconnected} returned.
     *
     * @return what ended the connection
     */
    public CompletionStage<CloseStatus> ended() {
        return session.ended();
    }
}
