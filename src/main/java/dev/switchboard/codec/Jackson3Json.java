package dev.switchboard.codec;

import dev.switchboard.Codec;
import dev.switchboard.MessageDecodeException;
import dev.switchboard.binding.Payloads;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;

/**
 * What {@link dev.switchboard.JacksonCodec} does on Jackson 3 ({@code tools.jackson}), apart from it: the JVM loads
 * the Jackson classes this class names (its exceptions included) when it links the class, so only a Jackson 3 that
 * is present may reach it.
 */
public final class Jackson3Json implements Codec {

    private final ObjectMapper mapper;

    /**
     * @param mapper the mapper to encode and decode with
     */
    public Jackson3Json(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A mapper set up as {@link dev.switchboard.JacksonCodec} describes; Jackson 3 has java.time built in. */
    public static ObjectMapper defaultMapper() {
        return JsonMapper.builder()
                .findAndAddModules(Jackson3Json.class.getClassLoader())
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    @Override
    public String encodeText(Object value) {
        return mapper.writeValueAsString(value);
    }

    @Override
    public Object decodeText(String text, Type type) {
        JavaType javaType = mapper.constructType(type);
        try {
            return mapper.readValue(text, javaType);
        } catch (JacksonException e) {
            throw new MessageDecodeException(text, type, position(e, true), e);
        }
    }

    @Override
    public ByteBuffer encodeBinary(Object value) {
        return ByteBuffer.wrap(mapper.writeValueAsBytes(value));
    }

    @Override
    public Object decodeBinary(ByteBuffer data, Type type) {
        JavaType javaType = mapper.constructType(type);
        byte[] bytes = Payloads.bytes(data);
        try {
            return mapper.readValue(bytes, javaType);
        } catch (JacksonException e) {
            throw new MessageDecodeException(bytes, type, position(e, false), e);
        }
    }

    private static long position(JacksonException e, boolean text) {
        TokenStreamLocation location = e.getLocation();
        if (location == null) {
            return -1;
        }
        return text ? location.getCharOffset() : location.getByteOffset();
    }
}
