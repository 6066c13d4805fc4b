package dev.switchboard.contract;

import dev.switchboard.CloseStatus;
import dev.switchboard.OnBinary;
import dev.switchboard.OnConnected;
import dev.switchboard.OnDisconnected;
import dev.switchboard.OnText;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

/**
 * An echo that accepts messages of at most 1 KiB.
 */
@Route(value = "/limited", maxMessageBytes = 1024)
public class LimitedRoute {

    @OnConnected
    void connected(WebSocketSession session) {
        ServerSide.connected(session);
    }

    @OnText
    String text(String text) {
        return text;
    }

    @OnBinary
    byte[] binary(byte[] data) {
        return data;
    }

    @OnDisconnected
    void disconnected(WebSocketSession session, CloseStatus status) {
        ServerSide.disconnected(session, status);
    }
}
