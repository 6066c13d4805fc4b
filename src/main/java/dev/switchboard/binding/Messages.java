package dev.switchboard.binding;

import dev.switchboard.MessageDecodeException;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;

/**
 * What a connection's generated adapter needs beyond the session: turning messages into the objects typed handlers
 * take, through the route's codec, and handlers' return values into messages.
 */
public interface Messages {

    /**
     * Decodes a text message for a handler that takes another type than {@code String}.
     *
     * @param text the message
     * @param type the handler's parameter type
     * @return the object
     * @throws MessageDecodeException if the message does not decode into the type
     */
    Object decodeText(String text, Type type);

    /**
     * Decodes a binary message for a handler that takes another type than {@code byte[]} or {@code ByteBuffer}.
     *
     * @param data the message, valid only during the call
     * @param type the handler's parameter type
     * @return the object
     * @throws MessageDecodeException if the message does not decode into the type
     */
    Object decodeBinary(ByteBuffer data, Type type);

    /**
     * Sends a handler's return value: nothing for {@code null}; a {@code String} as text, a {@code byte[]} or
     * {@code ByteBuffer} as binary, as they are; another object encoded by the route's codec, as text for an
     * {@code @OnText} handler and as binary for an {@code @OnBinary} one; a {@code CompletionStage}'s value the same
     * way once it completes, queued then behind the session's earlier writes. A stage that fails counts as a failed
     * handler.
     *
     * @param reply  the return value
     * @param binary whether the handler is an {@code @OnBinary} handler
     */
    void reply(Object reply, boolean binary);
}
