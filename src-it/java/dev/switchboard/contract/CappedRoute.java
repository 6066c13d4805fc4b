package dev.switchboard.contract;

import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

/**
 * A route that holds at most two sessions at once.
 */
@Route(value = "/capped", maxSessions = 2)
public class CappedRoute extends TrackedRoute {

    @Override
    void connected(WebSocketSession session) {
        super.connected(session);
        ServerSide.record("connected", session, null);
    }
}
