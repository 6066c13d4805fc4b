package dev.switchboard.bench.baseline;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import java.nio.ByteBuffer;

/**
 * The baseline of every echo benchmark: the echo written directly against Jakarta WebSocket (JSR-356) the way
 * its samples write it, with none of Switchboard's queueing. The container sends the returned message on the
 * session's basic (blocking) remote.
 *
 * <p>Annotated rather than a programmatic {@code Endpoint} so that every server deploys this one class its own
 * way: Switchboard's builder and Tyrus's stock server from the class, Tomcat by finding it in the benchmark
 * WAR. Its package holds the baseline endpoints and nothing else, because the WAR carries the whole package.
 */
@ServerEndpoint(RawEchoEndpoint.PATH)
public class RawEchoEndpoint {

    /** Where every server serves it, beside Switchboard's {@code /echo}. */
    public static final String PATH = "/raw-echo";

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
