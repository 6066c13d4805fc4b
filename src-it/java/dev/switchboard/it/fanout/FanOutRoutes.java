package dev.switchboard.it.fanout;

import dev.switchboard.BroadcastResult;
import dev.switchboard.CloseStatus;
import dev.switchboard.OnConnected;
import dev.switchboard.OnDisconnected;
import dev.switchboard.OnPong;
import dev.switchboard.OnText;
import dev.switchboard.OverflowAction;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Routes for the fan-out, overflow and timer tests.
 */
public final class FanOutRoutes {

    private FanOutRoutes() {
    }

    /** Records connects and disconnects in {@link Recorded}. */
    abstract static class Recording {
        @OnConnected
        void connected(WebSocketSession session) {
            Recorded.connected(session);
        }

        @OnDisconnected
        void disconnected(WebSocketSession session, CloseStatus status) {
            Recorded.disconnected(session, status);
        }
    }

    /** Records pongs too. */
    abstract static class RecordingPongs extends Recording {
        @OnPong
        void pong(WebSocketSession session, ByteBuffer payload) {
            Recorded.pong(session, StandardCharsets.UTF_8.decode(payload).toString());
        }
    }

    /** Commands: {@code others:<text>} broadcasts to every other session and replies with the counts;
     * {@code join:<group>} and {@code leave:<group>} change groups and reply "ok". */
    @Route("/fanout")
    public static class Room extends Recording {
        @OnText
        String command(WebSocketSession session, String text) {
            String[] parts = text.split(":", 2);
            switch (parts[0]) {
                case "others" -> {
                    BroadcastResult result = session.peers().except(session).broadcastText(parts[1]);
                    return "sent " + result.delivered() + "/" + result.dropped() + "/" + result.skipped();
                }
                case "join" -> session.join(parts[1]);
                case "leave" -> session.leave(parts[1]);
                default -> {
                    return "unknown command " + text;
                }
            }
            return "ok";
        }
    }

    /** Small queue, failing sends: the default action. */
    @Route(value = "/fanout/tiny", maxQueuedMessages = 4, maxQueuedBytes = 1 << 20)
    public static class Tiny extends RecordingPongs {
    }

    @Route(value = "/fanout/drop-oldest", maxQueuedMessages = 4, maxQueuedBytes = 1 << 20,
            onOverflow = OverflowAction.DROP_OLDEST)
    public static class DropOldest extends RecordingPongs {
    }

    @Route(value = "/fanout/try-later", maxQueuedMessages = 4, maxQueuedBytes = 1 << 20,
            onOverflow = OverflowAction.CLOSE_TRY_AGAIN_LATER)
    public static class TryLater extends RecordingPongs {
    }

    /** Takes the server's timers: the timer tests start servers with short ones. */
    @Route("/timed")
    public static class Timed extends RecordingPongs {
    }
}
