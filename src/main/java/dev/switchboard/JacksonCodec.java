package dev.switchboard;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.switchboard.codec.CodecLibraries;

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

    private final ObjectMapper mapper;

    /**
     * JSON through a mapper set up as described above.
     *
     * @throws IllegalStateException if Jackson is not on the class path; the message names the artifact to add
     */
    public JacksonCodec() {
        this(defaultMapper());
    }

    /**
     * JSON through the application's mapper, as it is configured.
     *
     * @param mapper the mapper
     */
    public JacksonCodec(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    private static ObjectMapper defaultMapper() {
        CodecLibraries.requireJackson("new JacksonCodec()"); // before any class of Jackson is touched
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModules(ObjectMapper.findModules(JacksonCodec.class.getClassLoader()));
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return mapper;
    }

    @Override
    public String encodeText(Object value) throws JsonProcessingException {
        return mapper.writeValueAsString(value);
    }

    @Override
    public Object decodeText(String text, Type type) {
        JavaType javaType = mapper.constructType(type);
        try {
            return mapper.readValue(text, javaType);
        } catch (JsonProcessingException e) {
            throw new MessageDecodeException(text, type, position(e, true), e);
        }
    }

    @Override
    public ByteBuffer encodeBinary(Object value) throws JsonProcessingException {
        return ByteBuffer.wrap(mapper.writeValueAsBytes(value));
    }

    @Override
    public Object decodeBinary(ByteBuffer data, Type type) throws java.io.IOException {
        JavaType javaType = mapper.constructType(type);
        byte[] bytes = bytesOf(data);
        try {
            return mapper.readValue(bytes, javaType);
        } catch (JsonProcessingException e) {
            throw new MessageDecodeException(bytes, type, position(e, false), e);
        }
    }

    private static byte[] bytesOf(ByteBuffer data) {
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        return bytes;
    }

    private static long position(JsonProcessingException e, boolean text) {
        JsonLocation location = e.getLocation();
        if (location == null) {
            return -1;
        }
        return text ? location.getCharOffset() : location.getByteOffset();
    }

    @Override
    public String toString() {
        return "JacksonCodec";
    }
}
