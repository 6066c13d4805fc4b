package dev.switchboard.example;

import dev.switchboard.CloseStatus;
import dev.switchboard.OnConnected;
import dev.switchboard.OnDisconnected;
import dev.switchboard.OnText;
import dev.switchboard.PathParam;
import dev.switchboard.Route;
import dev.switchboard.Sessions;
import dev.switchboard.WebSocketSession;

import java.util.Objects;
import java.util.stream.Collectors;

// tag::route[]
/**
 * A chat: every text sent to {@code /chat/{room}} reaches every session in that room, the sender included,
 * unchanged. A client that connects with {@code ?name=Ann} is listed as online: whenever a named client comes
 * or goes, the room gets {@code {"online":["Ann","Bob"]}}, the sorted names of its named members.
 */
@Route(value = "/chat/{room}", shared = true)
public class ChatRoute {

    private static final System.Logger LOG = System.getLogger(ChatRoute.class.getName());

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
        String online = open.list().stream()
                .map(ChatRoute::name)
                .filter(Objects::nonNull)
                .sorted()
                .map(ChatRoute::jsonString)
                .collect(Collectors.joining(",", "{\"online\":[", "]}"));
        open.broadcastText(online);
    }

    private static String name(WebSocketSession session) {
        String name = session.queryParam("name");
        return name == null || name.isBlank() ? null : name;
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
// end::route[]
