package dev.switchboard.runtime;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which way a text or binary message goes: as a frame encoded here, or through the host's own send. */
class JakartaTransportTest {

    private final List<String> hostSends = new ArrayList<>();
    private final List<ByteBuffer> frames = new ArrayList<>();

    /** A session whose asynchronous remote records what the host was asked to send. */
    private Session session() {
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    hostSends.add(method.getName() + " " + (args[0] instanceof ByteBuffer data
                            ? StandardCharsets.UTF_8.decode(data.duplicate()) : args[0]));
                    return null;
                });
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Session.class},
                (proxy, method, args) -> method.getName().equals("getAsyncRemote") ? remote : null);
    }

    private JakartaTransport transport(boolean hostWritesFrames) {
        FrameWriter writer = hostWritesFrames ? (frame, done) -> frames.add(frame) : null;
        return new JakartaTransport(session(), writer, new ControlFrames(false));
    }

    @Test
    void aWellFormedTextIsEncodedWithTheJdksEncoderWhereTheHostWritesFrames() {
        String text = "héllo 👋";
        transport(true).sendText(text, failure -> { });
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer expected = ByteBuffer.allocate(2 + payload.length).put((byte) 0x81).put((byte) payload.length)
                .put(payload).flip();
        assertEquals(List.of(expected), frames);
        assertEquals(List.of(), hostSends);
    }

    @Test
    void aTextWithAnUnpairedSurrogateTakesTheHostsTextSend() {
        JakartaTransport transport = transport(true);
        for (String text : List.of("a\uD800b", "a\uDC00", "end\uD83D")) {
            transport.sendText(text, failure -> { });
        }
        assertEquals(List.of("sendText a\uD800b", "sendText a\uDC00", "sendText end\uD83D"), hostSends);
        assertEquals(List.of(), frames);
    }

    @Test
    void binaryGoesAsAnEncodedFrameWhereTheHostWritesFrames() {
        transport(true).sendBinary(ByteBuffer.wrap(new byte[]{1, 2, 3}), failure -> { });
        assertEquals(List.of(ByteBuffer.wrap(new byte[]{(byte) 0x82, 3, 1, 2, 3})), frames);
    }

    @Test
    void withoutTheHostsFrameWriterEveryMessageTakesTheHostsSend() {
        JakartaTransport transport = transport(false);
        transport.sendText("hi", failure -> { });
        transport.sendBinary(ByteBuffer.wrap("yo".getBytes(StandardCharsets.UTF_8)), failure -> { });
        assertEquals(List.of("sendText hi", "sendBinary yo"), hostSends);
    }
}
