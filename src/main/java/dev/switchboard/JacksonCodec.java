package dev.switchboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.codec.CodecLibraries;
import dev.switchboard.codec.JacksonJson;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * JSON through Jackson ({@code com.fasterxml.jackson.core:jackson-databind}, an optional dependency). Found on the
 * class path by itself; to pass a mapper of the application's own, set it: {@code codec(new JacksonCodec(mapper))};
 * to choose it for one route: {@code @Route(value = "/x", codec = JacksonCodec.class)}.
 *
 * <p>The default mapper is set up as users of a WebSocket API expect: records, {@code List<T>} and
 * {@code Map<String, T>}, enums by name, nulls written, unknown properties ignored (so clients can send fields a
 * server does not know yet), anything after the JSON value refused, and {@code java.time} values as ISO-8601
 * strings, for which Jackson needs {@code com.fasterxml.jackson.datatype:jackson-datatype-jsr310} on the class path
 * (every module Jackson finds there is registered).
 */
public final class JacksonCodec implements Codec {

    private final Codec json;

    /**
     * JSON through a mapper set up as described above.
     *
     * @throws IllegalStateException if Jackson is not on the class path; the message names the artifact to add
     */
    public JacksonCodec() {
        CodecLibraries.requireJackson("new JacksonCodec()"); // before any class of Jackson is touched
        this.json = new JacksonJson(JacksonJson.defaultMapper());
    }

    /**
     * JSON through the application's mapper, as it is configured.
     *
     * @param mapper the mapper
     */
    public JacksonCodec(ObjectMapper mapper) {
        this.json = new JacksonJson(Objects.requireNonNull(mapper, "mapper"));
    }

    @Override
    public String encodeText(Object value) throws Exception {
        return json.encodeText(value);
    }

    @Override
    public Object decodeText(String text, Type type) throws Exception {
        return json.decodeText(text, type);
    }

    @Override
    public ByteBuffer encodeBinary(Object value) throws Exception {
        return json.encodeBinary(value);
    }

    @Override
    public Object decodeBinary(ByteBuffer data, Type type) throws Exception {
        return json.decodeBinary(data, type);
    }

    @Override
    public String toString() {
        return "JacksonCodec";
    }
}
