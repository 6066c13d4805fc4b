package dev.switchboard.clusterapp;

import dev.switchboard.BroadcastResult;
import dev.switchboard.OnConnected;
import dev.switchboard.OnText;
import dev.switchboard.PathParam;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

/**
 * A chat room of the cluster tests, the same route on every node, standalone ({@code ClusterNodeApp}) or in the
 * cluster app's WAR, as a cluster requires: each text goes to the room's other members, on every node, and the
 * broadcast's result is printed.
 */
@Route("/cluster/{room}")
public class ClusterRoom {

    @OnConnected
    void joined(WebSocketSession session, @PathParam("room") String room) {
        String user = session.queryParam("user");
        if (user != null) {
            session.attributes().put("user", user); // published with the presence of the room it joins
        }
        session.join("room:" + room);
        session.writeText("joined " + room);
    }

    @OnText
    void said(WebSocketSession session, @PathParam("room") String room, String text) {
        BroadcastResult result = session.peers().group("room:" + room).except(session).broadcastText(text);
        System.out.println("said " + text + " -> " + result);
    }
}
