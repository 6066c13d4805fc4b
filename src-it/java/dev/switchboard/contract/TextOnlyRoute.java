package dev.switchboard.contract;

import dev.switchboard.OnText;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

/**
 * A route with a text handler only, whose instances count themselves.
 */
@Route("/text-only")
public class TextOnlyRoute extends TrackedRoute {

    @Override
    void connected(WebSocketSession session) {
        super.connected(session);
        ServerSide.record("instance", session, System.identityHashCode(this));
    }

    @OnText
    String text(String text) {
        return text;
    }
}
