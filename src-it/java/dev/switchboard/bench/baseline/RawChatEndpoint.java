package dev.switchboard.bench.baseline;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The baseline of every broadcast benchmark: the example chat room written directly against Jakarta WebSocket
 * (JSR-356) the way a typical user writes it. On each text it loops over {@code session.getOpenSessions()},
 * keeps the open sessions with the same {@code room}, the sender included, and calls
 * {@code getAsyncRemote().sendText(text)} on each.
 *
 * <p>The asynchronous remote, fire and forget, is the common naive form: the basic remote would make one slow
 * member block the loop for everyone. The returned future is ignored, as such code does: nothing bounds what
 * piles up for a member that reads slowly, a failed send goes unnoticed, and there is no per-member queue,
 * order guarantee or drop count beyond what the container gives. No {@code Session} is cached.
 *
 * <p>Annotated for the same reason as {@link RawEchoEndpoint}: every server deploys this one class.
 */
@ServerEndpoint(RawChatEndpoint.PATH)
public class RawChatEndpoint {

    /** Where every server serves it, beside Switchboard's {@code /chat/{room}}. */
    public static final String PATH = "/raw-chat/{room}";

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
