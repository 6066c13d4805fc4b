package dev.switchboard.it;

import dev.switchboard.CloseStatus;
import dev.switchboard.OnConnected;
import dev.switchboard.OnDisconnected;
import dev.switchboard.OnText;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A route with a text handler only, whose instances count themselves.
 */
@Route("/text-only")
public class TextOnlyRoute {

    @OnConnected
    void connected(WebSocketSession session) {
        ServerSide.sessions.put(ServerSide.name(session), session);
        ServerSide.record("instance", session, System.identityHashCode(this));
    }

    @OnText
    String text(String text) {
        return text;
    }

    @OnDisconnected
    void disconnected(WebSocketSession session, CloseStatus status) {
        ServerSide.disconnects.computeIfAbsent(ServerSide.name(session), n -> new CopyOnWriteArrayList<>()).add(status);
    }
}
