package dev.switchboard.example;

import dev.switchboard.CloseStatus;
import dev.switchboard.OnConnected;
import dev.switchboard.OnDisconnected;
import dev.switchboard.OnText;
import dev.switchboard.PathParam;
import dev.switchboard.Route;
import dev.switchboard.Sessions;
import dev.switchboard.WebSocketSession;

import java.util.List;
import java.util.Objects;

// tag::route[]
/**
 * A chat: every text sent to {@code /chat/{room}} reaches every session in that room, the sender included,
 * unchanged. A client that connects with {@code ?name=Ann} is listed as online: whenever a named client comes
 * or goes, the room gets an {@link Online} record, {@code {"online":["Ann","Bob"]}} in JSON, the sorted names of
 * its named members.
 */
@Route(value = "/chat/{room}", shared = true)
public class ChatRoute {

    private static final System.Logger LOG = System.getLogger(ChatRoute.class.getName());

    /** Who is in a room, sent through the route's JSON codec. */
    public record Online(List<String> online) {
    }

    @OnConnected
    void joined(WebSocketSession session, @PathParam("room") String room) {
        session.join(room);
        if (name(session) != null) {
            announceOnline(session.peers().group(room));
        }
    }

    @OnText
    void said(WebSocketSession session, @PathParam("room") String room, String text) {
        session.peers().group(room).broadcastText(text); // a slow member's full queue fails only its own copy
    }

    @OnDisconnected
    void left(WebSocketSession session, @PathParam("room") String room, CloseStatus status) {
        if (name(session) != null) {
            LOG.log(System.Logger.Level.INFO, name(session) + " left " + room + " (" + status.cause() + ")");
            announceOnline(session.peers().group(room)); // closed by now: the list leaves it out
        }
    }

    /** Synchronized, so that the last list every member gets is the latest one. */
    private synchronized void announceOnline(Sessions room) {
        Sessions open = room.matching(WebSocketSession::isOpen);
        List<String> names = open.list().stream().map(ChatRoute::name).filter(Objects::nonNull).sorted().toList();
        open.broadcastObject(new Online(names)); // encoded once for the whole room
    }

    private static String name(WebSocketSession session) {
        String name = session.queryParam("name");
        return name == null || name.isBlank() ? null : name;
    }
}
// end::route[]
