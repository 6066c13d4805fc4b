package dev.switchboard.docs;

import dev.switchboard.OnText;
import dev.switchboard.Route;
import dev.switchboard.Sessions;
import dev.switchboard.WebSocketSession;

/**
 * The broadcasts of docs/fan-out.md: a text goes to everyone else on the route, and its sender joins the group
 * "vip", which {@link #openDoors()} tells from outside any handler. {@code DocsExamplesIT} runs it.
 */
@Route("/lounge")
public class LoungeRoute {

    @OnText
    void said(WebSocketSession session, String text) {
        // tag::broadcast[]
        session.peers().except(session).broadcastText(text);                     // everyone else on the route
        session.join("vip");
        // end::broadcast[]
    }

    /** Tells the group "vip", from any thread. */
    public static void openDoors() {
        // tag::from-anywhere[]
        Sessions.of(LoungeRoute.class).group("vip").broadcastText("doors open");  // a timer, another thread
        // end::from-anywhere[]
    }
}
