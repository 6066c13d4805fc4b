package dev.switchboard.contract;

import dev.switchboard.CloseStatus;
import dev.switchboard.OnConnected;
import dev.switchboard.OnDisconnected;
import dev.switchboard.OnText;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

/**
 * A route with a text handler only, whose instances count themselves.
 */
@Route("/text-only")
public class TextOnlyRoute {

    @OnConnected
    void connected(WebSocketSession session) {
        ServerSide.connected(session);
        ServerSide.record("instance", session, System.identityHashCode(this));
    }

    @OnText
    String text(String text) {
        return text;
    }

    @OnDisconnected
    void disconnected(WebSocketSession session, CloseStatus status) {
        ServerSide.disconnected(session, status);
    }
}
