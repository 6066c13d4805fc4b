package dev.switchboard.contract;

import dev.switchboard.CloseStatus;
import dev.switchboard.OnConnected;
import dev.switchboard.OnDisconnected;
import dev.switchboard.WebSocketSession;

/**
 * The handlers most routes of the contract app share: each session is registered with {@link ServerSide} when
 * it connects, and its disconnect is recorded. A route that does more on connect overrides
 * {@link #connected(WebSocketSession)} and calls it first.
 */
abstract class TrackedRoute {

    @OnConnected
    void connected(WebSocketSession session) {
        ServerSide.connected(session);
    }

    @OnDisconnected
    void disconnected(WebSocketSession session, CloseStatus status) {
        ServerSide.disconnected(session, status);
    }
}
