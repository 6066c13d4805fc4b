package dev.switchboard;

import dev.switchboard.codec.CodecLibraries;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;

import java.lang.reflect.Type;
import java.util.Objects;

/**
 * JSON through JSON-B ({@code jakarta.json.bind:jakarta.json.bind-api}, an optional dependency, with an
 * implementation: full Jakarta EE servers provide one; elsewhere add {@code org.eclipse:yasson}). Found on the class
 * path by itself, after {@link JacksonCodec} when both are present; to choose it, set it: {@code codec(new
 * JsonbCodec())}, or for one route {@code @Route(value = "/x", codec = JsonbCodec.class)}.
 *
 * <p>JSON-B writes records, {@code java.time} values as ISO-8601 strings and enums by name; this codec also writes
 * nulls, as {@link JacksonCodec} does.
 */
public final class JsonbCodec implements Codec {

    private final Jsonb jsonb;

    /**
     * JSON through a new JSON-B instance that writes nulls.
     *
     * @throws IllegalStateException if JSON-B or an implementation of it is not on the class path; the message
     *                               names the artifact to add
     */
    public JsonbCodec() {
        this(defaultJsonb());
    }

    /**
     * JSON through the application's JSON-B instance, as it is configured.
     *
     * @param jsonb the instance
     */
    public JsonbCodec(Jsonb jsonb) {
        this.jsonb = Objects.requireNonNull(jsonb, "jsonb");
    }

    private static Jsonb defaultJsonb() {
        CodecLibraries.requireJsonb("new JsonbCodec()"); // before any class of JSON-B is touched
        try {
            return JsonbBuilder.create(new JsonbConfig().withNullValues(true));
        } catch (JsonbException e) {
            throw new IllegalStateException(CodecLibraries.NO_JSONB_IMPLEMENTATION, e);
        }
    }

    @Override
    public String encodeText(Object value) {
        return jsonb.toJson(value);
    }

    @Override
    public Object decodeText(String text, Type type) {
        try {
            return jsonb.fromJson(text, type);
        } catch (RuntimeException e) {
            throw new MessageDecodeException(text, type, position(e), e);
        }
    }

    /** The parser's offset, from the {@code JsonParsingException} that JSON-B implementations wrap. */
    private static long position(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (CodecLibraries.hasJsonParsing() && cause instanceof JsonParsingException parsing
                    && parsing.getLocation() != null) {
                return parsing.getLocation().getStreamOffset();
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "JsonbCodec";
    }
}
