package dev.switchboard.bench;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import java.nio.ByteBuffer;

/**
 * The raw echo of {@link TyrusBenchServer}: a plain annotated JSR-356 endpoint, the way the Tyrus samples
 * write it; the container sends the returned message on the basic remote.
 */
@ServerEndpoint("/echo")
public class TyrusEchoEndpoint {

    /**
     * Echoes a text message.
     *
     * @param text the message
     * @return the same message, sent back
     */
    @OnMessage
    public String echo(String text) {
        return text;
    }

    /**
     * Echoes a binary message.
     *
     * @param data the message
     * @return the same bytes, sent back
     */
    @OnMessage
    public ByteBuffer echo(ByteBuffer data) {
        return data;
    }
}
