package dev.switchboard.bench;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The baseline of the broadcast benchmark: the example chat room written directly against JSR-356 the way
 * a typical user writes it. On each text it loops over {@code session.getOpenSessions()}, keeps the open
 * sessions with the same {@code room} path parameter, the sender included, and calls
 * {@code getAsyncRemote().sendText(text)} on each.
 *
 * <p>The asynchronous remote, fire and forget, is the common naive form: the basic remote would make one
 * slow member block the loop for everyone. The returned future is ignored, as such code does: nothing
 * bounds what piles up for a member that reads slowly (the container's write queue just grows), a failed
 * send goes unnoticed, and there is no per-member queue, order guarantee or drop count beyond what the
 * container gives. No {@code Session} is cached: {@code getOpenSessions()} is called for each message.
 */
public class RawChatEndpoint extends Endpoint {

    /** Where {@link BenchServer} serves it. */
    public static final String PATH = "/raw-chat/{room}";

    /**
     * The configuration to pass to {@code Switchboard.Builder.endpoint(...)}.
     *
     * @return a configuration serving this endpoint at {@link #PATH}
     */
    public static ServerEndpointConfig config() {
        return ServerEndpointConfig.Builder.create(RawChatEndpoint.class, PATH).build();
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        String room = session.getPathParameters().get("room");
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
            for (Session member : session.getOpenSessions()) {
                if (member.isOpen() && room.equals(member.getPathParameters().get("room"))) {
                    member.getAsyncRemote().sendText(text);
                }
            }
        });
    }
}
