package dev.switchboard.binding;

import dev.switchboard.CloseStatus;

import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;

/**
 * The callbacks of one connection, bound to its route instance by a generated adapter. Each method calls
 * the route's handler of that kind; a route without one keeps the default, which does nothing.
 * The runtime calls them one at a time, never concurrently.
 */
public interface ConnectionHandlers {

    /**
     * Calls the {@code @OnConnected} handler.
     *
     * @throws Throwable whatever the handler throws
     */
    default void onConnected() throws Throwable {
    }

    /**
     * Calls the {@code @OnText} handler and writes its reply, if any.
     *
     * @param message the whole text message
     * @throws Throwable whatever the handler throws
     */
    default void onText(String message) throws Throwable {
    }

    /**
     * Calls the {@code @OnBinary} handler and writes its reply, if any.
     *
     * @param message the whole binary message, valid only during the call
     * @throws Throwable whatever the handler throws
     */
    default void onBinary(ByteBuffer message) throws Throwable {
    }

    /**
     * Calls the {@code @OnText} handler that takes a {@code Reader}, and writes its reply, if any. The runtime
     * calls it on a thread of its own as the message's first part arrives, and feeds the reader as the rest does.
     *
     * @param message the text message as it arrives
     * @throws Throwable whatever the handler throws
     */
    default void onTextStream(Reader message) throws Throwable {
    }

    /**
     * Calls the {@code @OnBinary} handler that takes an {@code InputStream}, and writes its reply, if any. The
     * runtime calls it on a thread of its own as the message's first part arrives, and feeds the stream as the
     * rest does.
     *
     * @param message the binary message as it arrives
     * @throws Throwable whatever the handler throws
     */
    default void onBinaryStream(InputStream message) throws Throwable {
    }

    /**
     * Calls the {@code @OnText} handler that takes a part and a {@code boolean last}.
     *
     * @param part a part of a text message, as the host delivered it
     * @param last whether it is the message's last part
     * @throws Throwable whatever the handler throws
     */
    default void onTextPart(String part, boolean last) throws Throwable {
    }

    /**
     * Calls the {@code @OnBinary} handler that takes a part and a {@code boolean last}.
     *
     * @param part a part of a binary message, as the host delivered it, valid only during the call
     * @param last whether it is the message's last part
     * @throws Throwable whatever the handler throws
     */
    default void onBinaryPart(ByteBuffer part, boolean last) throws Throwable {
    }

    /**
     * Calls the {@code @OnPong} handler.
     *
     * @param payload the pong payload, valid only during the call
     * @throws Throwable whatever the handler throws
     */
    default void onPong(ByteBuffer payload) throws Throwable {
    }

    /**
     * Calls the {@code @OnDisconnected} handler.
     *
     * @param status how the connection ended
     * @throws Throwable whatever the handler throws
     */
    default void onDisconnected(CloseStatus status) throws Throwable {
    }

    /**
     * Calls the {@code @OnError} handler.
     *
     * @param error the failure
     * @return {@code false} if the route has no {@code @OnError} handler, so the runtime logs the error
     * @throws Throwable whatever the handler throws
     */
    default boolean onError(Throwable error) throws Throwable {
        return false;
    }
}
