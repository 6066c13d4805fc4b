package dev.switchboard;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * A message that did not decode into the type its handler takes, handed to the route's {@link OnError} handler; the
 * session stays open, and the handler may answer or close it. A route without {@code @OnError} closes the session
 * with 1007 and {@link CloseCause#UNDECODABLE_MESSAGE}.
 *
 * <p>Its message says what failed and where, without the payload, which it carries in {@link #text()} or
 * {@link #bytes()} for the handler to look at.
 */
public final class MessageDecodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient String text;
    private final transient byte[] bytes;
    private final transient Type targetType;
    private final long position;

    /**
     * A text message that did not decode.
     *
     * @param text       the message text
     * @param targetType the type it was to decode into
     * @param position   where the parser stopped, in characters from the start; {@code -1} if it did not say
     * @param cause      the codec's failure
     */
    public MessageDecodeException(String text, Type targetType, long position, Throwable cause) {
        super(describe("text message of " + text.length() + " characters", targetType, position, cause), cause);
        this.text = text;
        this.bytes = null;
        this.targetType = targetType;
        this.position = position;
    }

    /**
     * A binary message that did not decode.
     *
     * @param bytes      the message payload
     * @param targetType the type it was to decode into
     * @param position   where the parser stopped, in bytes from the start; {@code -1} if it did not say
     * @param cause      the codec's failure
     */
    public MessageDecodeException(byte[] bytes, Type targetType, long position, Throwable cause) {
        super(describe("binary message of " + bytes.length + " bytes", targetType, position, cause), cause);
        this.text = null;
        this.bytes = bytes.clone();
        this.targetType = targetType;
        this.position = position;
    }

    private static String describe(String what, Type targetType, long position, Throwable cause) {
        String where = position >= 0 ? " at position " + position : "";
        String why = cause == null || cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage());
        return "Could not decode a " + what + " as " + targetType.getTypeName() + where + why;
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /**
     * The message's text.
     *
     * @return the raw text; for a binary message, its payload read as UTF-8
     */
    public String text() {
        return text != null ? text : new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The message's bytes.
     *
     * @return a copy of the binary payload; for a text message, its UTF-8 encoding
     */
    public byte[] bytes() {
        return bytes != null ? bytes.clone() : text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether the message was a text message.
     *
     * @return {@code true} for text, {@code false} for binary
     */
    public boolean isText() {
        return text != null;
    }

    /**
     * The type the handler takes, which the message was to decode into.
     *
     * @return the target type, generics included
     */
    public Type targetType() {
        return targetType;
    }

    /**
     * Where the parser stopped: characters from the start of a text message, bytes from the start of a binary one.
     *
     * @return the position, or {@code -1} if the codec did not say
     */
    public long position() {
        return position;
    }
}
