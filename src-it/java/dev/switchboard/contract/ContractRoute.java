package dev.switchboard.contract;

import dev.switchboard.CloseStatus;
import dev.switchboard.OnBinary;
import dev.switchboard.OnConnected;
import dev.switchboard.OnDisconnected;
import dev.switchboard.OnError;
import dev.switchboard.OnPong;
import dev.switchboard.OnText;
import dev.switchboard.PathParam;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A route whose handlers record what they see and obey simple text commands, so tests can drive every
 * path of the session contract. Its queue is large enough for the probe's {@code burst} of 8 x 1,000
 * writes; a WAR has no server settings, so the route sets it.
 */
@Route(value = "/contract/{room}", maxQueuedMessages = 16_384, maxQueuedBytes = 64L << 20)
public class ContractRoute {

    @OnConnected
    void connected(WebSocketSession session, @PathParam("room") String room) {
        ServerSide.connected(session);
        ServerSide.record("connected", session, room);
    }

    @OnText
    String text(String text, WebSocketSession session) {
        ServerSide.record("text", session, text);
        if (text.startsWith("echo:")) {
            return text.substring(5);
        }
        if (text.startsWith("slow-echo:")) { // a handler that takes a while, as one querying a database does
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            return text.substring(10);
        }
        switch (text) {
            case "fail" -> throw new IllegalStateException("handler failed on purpose");
            case "bye" -> {
                session.writeText("Goodbye!");
                session.close(4000, "see you");
            }
            case "room" -> session.writeText(session.pathParam("room"));
            default -> { }
        }
        return null;
    }

    @OnBinary
    byte[] binary(byte[] data, WebSocketSession session) {
        ServerSide.record("binary", session, data.length);
        return data;
    }

    @OnPong
    void pong(ByteBuffer payload, WebSocketSession session) {
        ServerSide.record("pong", session, StandardCharsets.UTF_8.decode(payload));
    }

    @OnDisconnected
    void disconnected(CloseStatus status, WebSocketSession session) {
        ServerSide.disconnected(session, status);
    }

    @OnError
    void error(WebSocketSession session, Throwable error) {
        ServerSide.failed(session, error);
    }
}
