package dev.switchboard.runtime;

import jakarta.websocket.Extension;
import jakarta.websocket.Session;

import java.time.Duration;
import java.util.List;

/**
 * What differs between the hosts an {@link Engine} runs on, the standalone server and each Jakarta container:
 * how frames are written, whether ping and close block, which extensions are
 * offered, and each container's quirks. The engine knows nothing else of its host; each host reads its upgrade
 * requests itself, from its own request type, and hands them to the engine's {@link HandshakeGate}.
 */
public interface Host {

    /**
     * Whether the host's {@code sendPing} and {@code close} may wait until their frame is written, as on servlet
     * containers, rather than only queue it, as Tyrus does: the engine then calls them on threads of its own.
     *
     * @return {@code true} if ping and close may block
     */
    boolean controlFramesBlock();

    /**
     * Whether the calling thread may wait for a connection's sends to complete, as the blocking writer of a message
     * written in parts does when the send queue is full: not on an I/O thread that completes sends itself.
     *
     * @return {@code false} on such a thread; {@code true} by default, where the host completes sends elsewhere
     */
    default boolean threadMayWait() {
        return true;
    }

    /**
     * The WebSocket extensions offered on every route.
     *
     * @return permessage-deflate standalone when enabled; empty where the container decides (a WAR)
     */
    List<Extension> extensions();

    /**
     * Whether handlers run on I/O threads that serve other connections too, where one that blocks holds those up:
     * the engine then reports a handler that holds its thread long.
     *
     * @return {@code true} standalone unless handlers may block; {@code false} where the container decides
     */
    default boolean handlersOnIoThreads() {
        return false;
    }

    /**
     * Prepares a connection that opened, before it receives its first message.
     *
     * @param session     the host's session
     * @param sendTimeout how long one send may wait for the client, {@link Duration#ZERO} for no limit: also the
     *                    longest a blocking host call (a ping, a close, a part of a message) should wait
     */
    default void connectionOpened(Session session, Duration sendTimeout) {
    }

    /**
     * The transport a connection's writer sends through, where the host sends better than the standard one.
     *
     * @param session  the host's session, opening on this thread
     * @param standard the transport over the session's remote endpoints
     * @return {@code standard}, or a transport of the host's that keeps its promises
     */
    default Transport transport(Session session, Transport standard) {
        return standard;
    }

    /**
     * The writer of broadcast frames encoded once for all recipients, where the host can write encoded frames.
     *
     * @param session the host's session, opening on this thread
     * @return the writer, or {@code null} to send each recipient's copy as a message of its own
     */
    default FrameWriter sharedFrames(Session session) {
        return null;
    }

    /**
     * The close code the host reported, as it happened on the wire.
     *
     * @param session  the host's session
     * @param reported the code the host reported to {@code onClose}
     * @return the code to report to {@code @OnDisconnected}
     */
    default int closeCodeOnWire(Session session, int reported) {
        return reported;
    }

    /**
     * Runs a close report after every message the host handed over before it.
     *
     * @param session the host's session
     * @param report  what reports the close
     */
    default void afterEarlierMessages(Session session, Runnable report) {
        report.run();
    }
}
