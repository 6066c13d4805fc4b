package dev.switchboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.codec.CodecLibraries;
import dev.switchboard.codec.JacksonJson;

import java.util.Objects;

/**
 * JSON through Jackson 2 ({@code com.fasterxml.jackson.core:jackson-databind}, an optional dependency; for Jackson
 * 3, see {@link Jackson3Codec}). Found on the class path by itself; to pass a mapper of the application's own, set
 * it: {@code codec(new JacksonCodec(mapper))}; to choose it for one route:
 * {@code @Route(value = "/x", codec = JacksonCodec.class)}.
 *
 * <p>The default mapper is set up as users of a WebSocket API expect: records, {@code List<T>} and
 * {@code Map<String, T>}, enums by name, nulls written, unknown properties ignored (so clients can send fields a
 * server does not know yet), anything after the JSON value refused, and {@code java.time} values as ISO-8601
 * strings, for which Jackson needs {@code com.fasterxml.jackson.datatype:jackson-datatype-jsr310} on the class path
 * (every module Jackson finds there is registered).
 */
public final class JacksonCodec extends LibraryCodec {

    /**
     * JSON through a mapper set up as described above.
     *
     * @throws IllegalStateException if Jackson is not on the class path; the message names the artifact to add
     */
    public JacksonCodec() {
        super(withDefaults(), "JacksonCodec");
    }

    private static Codec withDefaults() {
        CodecLibraries.requireJackson("new JacksonCodec()"); // before any class of Jackson is touched
        return new JacksonJson(JacksonJson.defaultMapper());
    }

    /**
     * JSON through the application's mapper, as it is configured.
     *
     * @param mapper the mapper
     */
    public JacksonCodec(ObjectMapper mapper) {
        super(new JacksonJson(Objects.requireNonNull(mapper, "mapper")), "JacksonCodec");
    }
}
