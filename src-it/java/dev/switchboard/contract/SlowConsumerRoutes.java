package dev.switchboard.contract;

import dev.switchboard.CloseStatus;
import dev.switchboard.OnConnected;
import dev.switchboard.OnDisconnected;
import dev.switchboard.OverflowAction;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

/**
 * Routes with small outbound queues, one per overflow action; the probe's {@code flood} fills them.
 */
public final class SlowConsumerRoutes {

    private SlowConsumerRoutes() {
    }

    @Route(value = "/slow/fail", maxQueuedMessages = 8, maxQueuedBytes = 1 << 20)
    public static class FailSend {
        @OnConnected
        void connected(WebSocketSession session) {
            ServerSide.connected(session);
        }

        @OnDisconnected
        void disconnected(WebSocketSession session, CloseStatus status) {
            ServerSide.disconnected(session, status);
        }
    }

    @Route(value = "/slow/close", maxQueuedMessages = 8, maxQueuedBytes = 1 << 20,
            onOverflow = OverflowAction.CLOSE_SESSION)
    public static class CloseSession {
        @OnConnected
        void connected(WebSocketSession session) {
            ServerSide.connected(session);
        }

        @OnDisconnected
        void disconnected(WebSocketSession session, CloseStatus status) {
            ServerSide.disconnected(session, status);
        }
    }
}
