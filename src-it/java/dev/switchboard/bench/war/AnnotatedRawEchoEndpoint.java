package dev.switchboard.bench.war;

import dev.switchboard.bench.RawEchoEndpoint;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The raw baseline of the WAR echo benchmark ({@code WarEchoBenchmark}): the echo of {@link RawEchoEndpoint},
 * at its path and with the same work per message (whole messages, echoed with the blocking basic remote), as
 * the annotated endpoint the container finds in the WAR by itself, the way a typical user deploys one.
 *
 * <p>In a package of its own because the benchmark WAR carries whole packages, and the benchmark package
 * holds Tyrus's {@code @ServerEndpoint("/echo")}, which would take the route's path.
 */
@ServerEndpoint(RawEchoEndpoint.PATH)
public class AnnotatedRawEchoEndpoint {

    @OnMessage
    public void echo(String text, Session session) throws IOException {
        session.getBasicRemote().sendText(text);
    }

    @OnMessage
    public void echo(ByteBuffer data, Session session) throws IOException {
        session.getBasicRemote().sendBinary(data);
    }
}
