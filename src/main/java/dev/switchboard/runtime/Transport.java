package dev.switchboard.runtime;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The host's way to put frames on one connection. Each send is started by the session's single writer only
 * after the previous one completed, so an implementation never sees two sends at once, which is exactly
 * what Tomcat and Jetty require.
 */
public interface Transport {

    /**
     * Tells the transport, just before the writer starts its next entry, whether another entry is queued behind it.
     * A host that hands the completion of every send to another thread may then buffer a message that others follow
     * and write the run at once with its last message; it must not hold back a run's last message, nor block.
     *
     * @param queued whether another entry waits behind the one about to start
     */
    default void nextQueued(boolean queued) {
    }

    /**
     * Starts sending a text message; {@code done} receives {@code null} on success or the failure.
     */
    void sendText(String text, Consumer<Throwable> done);

    /**
     * Starts sending a binary message; {@code done} receives {@code null} on success or the failure.
     */
    void sendBinary(ByteBuffer data, Consumer<Throwable> done);

    /**
     * Starts sending one message of a broadcast; {@code done} receives {@code null} on success or the failure.
     * The message's frame is encoded once for all recipients where the host can write encoded frames.
     */
    default void sendShared(SharedMessage message, Consumer<Throwable> done) {
        if (message.text() != null) {
            sendText(message.text(), done);
        } else {
            sendBinary(message.binary(), done);
        }
    }

    /**
     * Starts sending one part of a text message written in parts: its first part starts the message, the one with
     * {@code last} ends it, and the writer sends nothing but pings in between. {@code done} receives {@code null}
     * on success or the failure, possibly on another thread.
     */
    void sendTextPart(String part, boolean last, Consumer<Throwable> done);

    /**
     * Starts sending one part of a binary message written in parts, as {@link #sendTextPart} does for text.
     */
    void sendBinaryPart(ByteBuffer part, boolean last, Consumer<Throwable> done);

    /**
     * Whether the calling thread may wait for this connection's sends to complete: not on a host I/O thread that
     * would have to complete them itself, where waiting would never end.
     */
    default boolean mayWait() {
        return true;
    }

    /**
     * Starts sending a ping; {@code done} receives {@code null} on success or the failure, possibly on another
     * thread.
     */
    void sendPing(ByteBuffer payload, Consumer<Throwable> done);

    /**
     * Starts sending a close frame and closing the connection; {@code done} receives {@code null} once the
     * host took the close, or the failure, possibly on another thread.
     */
    void close(int code, String reason, Consumer<Throwable> done);
}
