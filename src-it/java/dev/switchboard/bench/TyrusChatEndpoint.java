package dev.switchboard.bench;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The raw chat room of {@link TyrusBenchServer}, the naive loop a typical user writes (as
 * {@link RawChatEndpoint} does for the in-process benchmark): on each text, every open session of the
 * endpoint with the same {@code room}, the sender included, gets it by {@code getAsyncRemote().sendText},
 * fire and forget.
 */
@ServerEndpoint("/chat/{room}")
public class TyrusChatEndpoint {

    /**
     * Relays a text to the room.
     *
     * @param session the sender
     * @param room    the room
     * @param text    the message
     */
    @OnMessage
    public void said(Session session, @PathParam("room") String room, String text) {
        for (Session member : session.getOpenSessions()) {
            if (member.isOpen() && room.equals(member.getPathParameters().get("room"))) {
                member.getAsyncRemote().sendText(text);
            }
        }
    }
}
