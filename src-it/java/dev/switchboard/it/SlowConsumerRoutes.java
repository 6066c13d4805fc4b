package dev.switchboard.it;

import dev.switchboard.OnConnected;
import dev.switchboard.OnDisconnected;
import dev.switchboard.CloseStatus;
import dev.switchboard.OverflowAction;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Routes with small outbound queues, one per overflow action.
 */
final class SlowConsumerRoutes {

    private SlowConsumerRoutes() {
    }

    @Route(value = "/slow/fail", maxQueuedMessages = 8, maxQueuedBytes = 1 << 20)
    public static class FailSend {
        @OnConnected
        void connected(WebSocketSession session) {
            ServerSide.sessions.put(ServerSide.name(session), session);
        }

        @OnDisconnected
        void disconnected(WebSocketSession session, CloseStatus status) {
            ServerSide.disconnects.computeIfAbsent(ServerSide.name(session), n -> new CopyOnWriteArrayList<>()).add(status);
        }
    }

    @Route(value = "/slow/close", maxQueuedMessages = 8, maxQueuedBytes = 1 << 20,
            onOverflow = OverflowAction.CLOSE_SESSION)
    public static class CloseSession {
        @OnConnected
        void connected(WebSocketSession session) {
            ServerSide.sessions.put(ServerSide.name(session), session);
        }

        @OnDisconnected
        void disconnected(WebSocketSession session, CloseStatus status) {
            ServerSide.disconnects.computeIfAbsent(ServerSide.name(session), n -> new CopyOnWriteArrayList<>()).add(status);
        }
    }
}
