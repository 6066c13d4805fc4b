package com.example.chat;

import dev.switchboard.CloseStatus;
import dev.switchboard.OnConnected;
import dev.switchboard.OnDisconnected;
import dev.switchboard.OnText;
import dev.switchboard.PathParam;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

// tag::route[]
/** A chat: every text sent to /chat/{room} reaches everyone in that room. */
@Route("/chat/{room}")
public class ChatRoom {

    @OnConnected
    void joined(WebSocketSession session, @PathParam("room") String room) {
        session.join(room);
    }

    @OnText
    void said(WebSocketSession session, @PathParam("room") String room, String text) {
        session.peers().group(room).broadcastText(text); // a slow member's full queue fails only its own copy
    }

    @OnDisconnected
    void left(WebSocketSession session, @PathParam("room") String room, CloseStatus status) {
        session.peers().group(room).broadcastText("a member left (" + status.cause() + ")");
    }
}
// end::route[]
