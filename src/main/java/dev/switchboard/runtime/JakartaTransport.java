package dev.switchboard.runtime;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * A {@link Transport} over a Jakarta WebSocket session's asynchronous remote endpoint, and its blocking one for
 * the parts of messages written in parts, which only it sends.
 */
final class JakartaTransport implements Transport {

    private final Session session;
    private final RemoteEndpoint.Async remote;
    private final FrameWriter frames;
    private final ControlFrames controlFrames;

    /**
     * @param frames        the host's writer of encoded frames for this connection, or {@code null} if it has none
     * @param controlFrames where pings and closes are written
     */
    JakartaTransport(Session session, FrameWriter frames, ControlFrames controlFrames) {
        this.session = session;
        this.remote = session.getAsyncRemote();
        this.frames = frames;
        this.controlFrames = controlFrames;
    }

    /**
     * Where the host writes encoded frames (standalone, uncompressed), a text's frame is built with the JDK's UTF-8
     * encoder and written as it is, rather than passed through Tyrus's text send, which encodes it a char at a time.
     * A text with an unpaired surrogate, which the JDK's encoder would send with a '?', takes the host's text send,
     * so that the host treats it as it treats any such text.
     */
    @Override
    public void sendText(String text, Consumer<Throwable> done) {
        if (frames != null && Utf8.wellFormed(text)) {
            frames.write(SharedMessage.textFrame(text), done);
        } else {
            remote.sendText(text, handler(done));
        }
    }

    @Override
    public void sendBinary(ByteBuffer data, Consumer<Throwable> done) {
        if (frames != null) {
            frames.write(SharedMessage.binaryFrame(data), done);
        } else {
            remote.sendBinary(data, handler(done));
        }
    }

    @Override
    public void sendShared(SharedMessage message, Consumer<Throwable> done) {
        if (frames != null) {
            frames.write(message.frame(), done);
        } else {
            Transport.super.sendShared(message, done);
        }
    }

    @Override
    public void sendTextPart(String part, boolean last, Consumer<Throwable> done) {
        controlFrames.writeAside(() -> session.getBasicRemote().sendText(part, last), done);
    }

    @Override
    public void sendBinaryPart(ByteBuffer part, boolean last, Consumer<Throwable> done) {
        controlFrames.writeAside(() -> session.getBasicRemote().sendBinary(part, last), done);
    }

    @Override
    public boolean mayWait() {
        return controlFrames.threadMayWait();
    }

    @Override
    public void sendPing(ByteBuffer payload, Consumer<Throwable> done) {
        controlFrames.write(() -> remote.sendPing(payload), done);
    }

    @Override
    public void close(int code, String reason, Consumer<Throwable> done) {
        CloseReason closeReason = new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason);
        controlFrames.write(() -> session.close(closeReason), done);
    }

    private static SendHandler handler(Consumer<Throwable> done) {
        return result -> done.accept(result.isOK() ? null : result.getException());
    }
}
