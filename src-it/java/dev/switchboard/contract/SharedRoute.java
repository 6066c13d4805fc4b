package dev.switchboard.contract;

import dev.switchboard.OnConnected;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

/**
 * A route with one instance for every connection.
 */
@Route(value = "/shared", shared = true)
public class SharedRoute {

    @OnConnected
    void connected(WebSocketSession session) {
        ServerSide.connected(session);
        ServerSide.record("instance", session, System.identityHashCode(this));
    }
}
