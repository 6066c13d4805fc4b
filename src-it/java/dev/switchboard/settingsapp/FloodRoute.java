package dev.switchboard.settingsapp;

import dev.switchboard.CloseStatus;
import dev.switchboard.OnDisconnected;
import dev.switchboard.OnText;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** On {@code flood}, writes far more than the server's send queue limits hold to a client that does not read. */
@Route("/tuned/flood")
public class FloodRoute {

    /** How each session of the route ended. */
    static final List<String> CAUSES = new CopyOnWriteArrayList<>();

    @OnText
    void said(WebSocketSession session, String text) {
        String chunk = "x".repeat(64 * 1024);
        for (int i = 0; i < 200 && session.isOpen(); i++) {
            session.writeText(chunk);
        }
    }

    @OnDisconnected
    void left(CloseStatus status) {
        CAUSES.add(status.cause().name());
    }
}
