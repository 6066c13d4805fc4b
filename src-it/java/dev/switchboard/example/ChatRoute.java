package dev.switchboard.example;

import dev.switchboard.OnConnected;
import dev.switchboard.OnDisconnected;
import dev.switchboard.OnText;
import dev.switchboard.PathParam;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A chat: every text sent to {@code /chat/{room}} reaches every session in that room, the sender included.
 * One shared instance keeps the rooms.
 */
@Route(value = "/chat/{room}", shared = true)
public class ChatRoute {

    private final Map<String, Set<WebSocketSession>> rooms = new ConcurrentHashMap<>();

    @OnConnected
    void joined(WebSocketSession session, @PathParam("room") String room) {
        rooms.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(session);
    }

    @OnText
    void said(@PathParam("room") String room, String text) {
        for (WebSocketSession member : rooms.getOrDefault(room, Set.of())) {
            member.writeText(text); // a slow member's full queue fails only its own write
        }
    }

    @OnDisconnected
    void left(WebSocketSession session, @PathParam("room") String room) {
        rooms.computeIfPresent(room, (r, members) -> {
            members.remove(session);
            return members.isEmpty() ? null : members;
        });
    }
}
