package dev.switchboard.bench;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * The baseline of the echo benchmark: an echo written directly against JSR-356 the way a typical user
 * writes it, with whole-message handlers and the blocking basic remote, and none of Switchboard's queueing.
 */
public class RawEchoEndpoint extends Endpoint {

    /** Where {@link BenchServer} serves it. */
    public static final String PATH = "/raw-echo";

    /**
     * The configuration to pass to {@code Switchboard.Builder.endpoint(...)}.
     *
     * @return a configuration serving this endpoint at {@link #PATH}
     */
    public static ServerEndpointConfig config() {
        return ServerEndpointConfig.Builder.create(RawEchoEndpoint.class, PATH).build();
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
            try {
                session.getBasicRemote().sendText(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) data -> {
            try {
                session.getBasicRemote().sendBinary(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
