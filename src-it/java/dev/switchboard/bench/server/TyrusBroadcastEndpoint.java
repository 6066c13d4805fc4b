package dev.switchboard.bench.server;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.glassfish.tyrus.core.TyrusSession;

/**
 * Tyrus's own broadcast in {@link TyrusBenchServer}: {@link TyrusSession#broadcast(String)} frames the text
 * once and sends it to every session of this endpoint, the sender included. It knows no rooms: in the
 * benchmark there is one, so every session is in it.
 */
@ServerEndpoint(TyrusBroadcastEndpoint.PATH)
public class TyrusBroadcastEndpoint {

    /** Where {@link TyrusBenchServer} serves it. */
    public static final String PATH = "/broadcast/{room}";

    /**
     * Broadcasts a text to every session of the endpoint.
     *
     * @param session the sender
     * @param text    the message
     */
    @OnMessage
    public void said(Session session, String text) {
        ((TyrusSession) session).broadcast(text);
    }
}
