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
import java.util.stream.Stream;

// tag::route[]
/**
 * A chat: every text sent to {@code /chat/{room}} reaches every session in that room, the sender included,
 * unchanged, on every node of the cluster. A client that connects with {@code ?name=Ann} is listed as online:
 * whenever a named client comes or goes, the room gets an {@link Online} record, {@code {"online":["Ann","Bob"]}}
 * in JSON, the sorted names of its named members on every node (the app publishes the {@code name} attribute
 * with the presence: {@code Cluster.presenceAttributes("name")}).
 */
@Route(value = "/chat/{room}", shared = true)
public class ChatRoute {

    private static final System.Logger LOG = System.getLogger(ChatRoute.class.getName());

    /** Who is in a room, sent through the route's JSON codec. */
    public record Online(List<String> online) {
    }

    @OnConnected
    void joined(WebSocketSession session, @PathParam("room") String room) {
        if (name(session) != null) {
            session.attributes().put("name", name(session)); // before the join, which publishes it
        }
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

    /**
     * Asks every node who is in the room, and tells the whole room; while the cluster bus is down, this node's
     * members are all it knows. Synchronized, so that the lists go out in the order they were asked for.
     */
    private synchronized void announceOnline(Sessions room) {
        room.clusterList().whenComplete((present, failure) -> {
            Stream<String> names = failure == null
                    ? present.sessions().stream().map(session -> session.attributes().get("name"))
                    : room.list().stream().map(ChatRoute::name);
            room.broadcastObject(new Online(names.filter(Objects::nonNull).sorted().toList())); // encoded once
        });
    }

    private static String name(WebSocketSession session) {
        String name = session.queryParam("name");
        return name == null || name.isBlank() ? null : name;
    }
}
// end::route[]
