package dev.switchboard;

import dev.switchboard.codec.CodecLibraries;
import dev.switchboard.codec.JsonbJson;
import jakarta.json.bind.Jsonb;

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
public final class JsonbCodec extends LibraryCodec {

    /**
     * JSON through a new JSON-B instance that writes nulls.
     *
     * @throws IllegalStateException if JSON-B or an implementation of it is not on the class path; the message
     *                               names the artifact to add
     */
    public JsonbCodec() {
        super(withDefaults(), "JsonbCodec");
    }

    private static Codec withDefaults() {
        CodecLibraries.requireJsonb("new JsonbCodec()"); // before any class of JSON-B is touched
        return new JsonbJson(JsonbJson.defaultJsonb());
    }

    /**
     * JSON through the application's JSON-B instance, as it is configured.
     *
     * @param jsonb the instance
     */
    public JsonbCodec(Jsonb jsonb) {
        super(new JsonbJson(Objects.requireNonNull(jsonb, "jsonb")), "JsonbCodec");
    }
}
