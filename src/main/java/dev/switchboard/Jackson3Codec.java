package dev.switchboard;

import dev.switchboard.codec.CodecLibraries;
import dev.switchboard.codec.Jackson3Json;
import tools.jackson.databind.ObjectMapper;

import java.util.Objects;

/**
 * JSON through Jackson 3 ({@code tools.jackson.core:jackson-databind}, an optional dependency), which Spring Boot 4
 * brings. Found on the class path by itself, after {@link JacksonCodec} (Jackson 2) when both are present; to pass
 * the application's mapper, Spring Boot's for one, set it: {@code codec(new Jackson3Codec(mapper))}; to choose it for
 * one route: {@code @Route(value = "/x", codec = Jackson3Codec.class)}.
 *
 * <p>The default mapper is set up as {@link JacksonCodec}'s: records, {@code List<T>} and {@code Map<String, T>},
 * enums by name, nulls written, unknown properties ignored, anything after the JSON value refused, and
 * {@code java.time} values as ISO-8601 strings, which Jackson 3 supports by itself.
 */
public final class Jackson3Codec extends LibraryCodec {

    /**
     * JSON through a mapper set up as described above.
     *
     * @throws IllegalStateException if Jackson 3 is not on the class path; the message names the artifact to add
     */
    public Jackson3Codec() {
        super(withDefaults(), "Jackson3Codec");
    }

    private static Codec withDefaults() {
        CodecLibraries.requireJackson3("new Jackson3Codec()"); // before any class of Jackson is touched
        return new Jackson3Json(Jackson3Json.defaultMapper());
    }

    /**
     * JSON through the application's mapper, as it is configured.
     *
     * @param mapper the mapper
     */
    public Jackson3Codec(ObjectMapper mapper) {
        super(new Jackson3Json(Objects.requireNonNull(mapper, "mapper")), "Jackson3Codec");
    }
}
