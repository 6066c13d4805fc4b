package dev.switchboard.runtime;

import dev.switchboard.CloseCause;
import dev.switchboard.OverflowAction;

/**
 * What happens on one route, as its engine reports it to metrics. Called on I/O and application threads, some
 * methods once per message: implementations are quick, never block and never throw. {@link #NONE} ignores all.
 */
public interface RouteEvents {

    /** Ignores every event. */
    RouteEvents NONE = new RouteEvents() {
    };

    /** A session opened: its {@code @OnConnected} is about to run. */
    default void sessionOpened() {
    }

    /**
     * A session that opened ended, once, as its {@code @OnDisconnected} is about to run.
     *
     * @param cause why
     */
    default void sessionClosed(CloseCause cause) {
    }

    /**
     * A whole message arrived for the route's handler.
     *
     * @param text  whether it is a text message, else binary
     * @param bytes its payload's size, text in UTF-8 bytes
     */
    default void received(boolean text, long bytes) {
    }

    /**
     * A message was handed to the socket.
     *
     * @param text            whether it is a text message, else binary
     * @param bytes           its payload's size, text in UTF-8 bytes
     * @param nanosSinceWrite how long since it was written to the session, its time in the queue included
     */
    default void sent(boolean text, long bytes, long nanosSinceWrite) {
    }

    /**
     * Messages were dropped because a session's outbound queue was full.
     *
     * @param action   the route's overflow action, which decided which messages
     * @param messages how many
     */
    default void dropped(OverflowAction action, int messages) {
    }

    /**
     * An upgrade request to the route was refused before it became a session.
     *
     * @param status the HTTP status it was answered with
     */
    default void handshakeRefused(int status) {
    }

    /** No pong came in time for a heartbeat ping: the session is being closed. */
    default void heartbeatTimedOut() {
    }
}
