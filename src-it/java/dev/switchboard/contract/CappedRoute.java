package dev.switchboard.contract;

import dev.switchboard.CloseStatus;
import dev.switchboard.OnConnected;
import dev.switchboard.OnDisconnected;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

/**
 * A route that holds at most two sessions at once.
 */
@Route(value = "/capped", maxSessions = 2)
public class CappedRoute {

    @OnConnected
    void connected(WebSocketSession session) {
        ServerSide.connected(session);
        ServerSide.record("connected", session, null);
    }

    @OnDisconnected
    void disconnected(WebSocketSession session, CloseStatus status) {
        ServerSide.disconnected(session, status);
    }
}
