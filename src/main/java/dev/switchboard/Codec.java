package dev.switchboard;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Turns objects into messages and messages into objects: what typed handlers ({@code @OnText Receipt
 * said(Message m)}), {@link WebSocketSession#writeObject(Object)} and {@link Sessions#broadcastObject(Object)} use.
 *
 * <p>Which codec a route uses: the one its {@link Route#codec()} names, else the server's
 * ({@link SettingsBuilder#codec(Codec)}), else the first one found on the class path by {@link java.util.ServiceLoader}:
 * a codec of the application's own (listed in {@code META-INF/services/dev.switchboard.Codec}) before Switchboard's
 * JSON codecs, and of those {@link JacksonCodec} before {@link JsonbCodec}. Both JSON libraries are optional
 * dependencies: the codec of one that is absent is skipped. To choose one when both are present, set it:
 * {@code codec(new JsonbCodec())}.
 *
 * <p>A codec is used by many threads at once and must be thread-safe. Binary messages default to the UTF-8 bytes of
 * the text encoding, which suits text formats such as JSON; a binary format overrides {@link #encodeBinary},
 * {@link #decodeBinary} and {@link #writesBinary()}.
 */
public interface Codec {

    /**
     * Encodes an object as the text of a message.
     *
     * @param value the object, not {@code null}
     * @return the message text
     * @throws Exception if the object cannot be encoded
     */
    String encodeText(Object value) throws Exception;

    /**
     * Decodes the text of a message into an object of the given type.
     *
     * @param text the message text
     * @param type the type to decode into, generics included ({@code List<Message>})
     * @return the object; {@code null} if the text stands for none (JSON {@code null})
     * @throws Exception if the text is not a valid encoding of the type; a {@link MessageDecodeException} to say
     *                   where the parser stopped, anything else is wrapped in one
     */
    Object decodeText(String text, Type type) throws Exception;

    /**
     * Encodes an object as the payload of a binary message.
     *
     * @param value the object, not {@code null}
     * @return the payload; by default the UTF-8 bytes of {@link #encodeText}
     * @throws Exception if the object cannot be encoded
     */
    default ByteBuffer encodeBinary(Object value) throws Exception {
        return ByteBuffer.wrap(encodeText(value).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes the payload of a binary message into an object of the given type.
     *
     * @param data the payload, valid only during the call
     * @param type the type to decode into
     * @return the object, or {@code null}
     * @throws Exception if the payload is not a valid encoding of the type; by default the payload is decoded as
     *                   UTF-8 text with {@link #decodeText}
     */
    default Object decodeBinary(ByteBuffer data, Type type) throws Exception {
        return decodeText(StandardCharsets.UTF_8.newDecoder().decode(data.duplicate()).toString(), type);
    }

    /**
     * Whether {@link WebSocketSession#writeObject(Object)} and {@link Sessions#broadcastObject(Object)} send binary
     * messages with this codec rather than text messages.
     *
     * @return {@code false}, text, by default
     */
    default boolean writesBinary() {
        return false;
    }
}
