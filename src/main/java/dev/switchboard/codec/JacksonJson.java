package dev.switchboard.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.switchboard.Codec;
import dev.switchboard.MessageDecodeException;
import dev.switchboard.binding.Payloads;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;

/**
 * What {@link dev.switchboard.JacksonCodec} does, apart from it: the JVM loads the Jackson classes this class names
 * (its exceptions included) when it links the class, so only a Jackson that is present may reach it.
 */
public final class JacksonJson implements Codec {

    private final ObjectMapper mapper;

    /**
     * @param mapper the mapper to encode and decode with
     */
    public JacksonJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A mapper set up as {@link dev.switchboard.JacksonCodec} describes. */
    public static ObjectMapper defaultMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModules(ObjectMapper.findModules(JacksonJson.class.getClassLoader()));
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
        byte[] bytes = Payloads.bytes(data);
        try {
            return mapper.readValue(bytes, javaType);
        } catch (JsonProcessingException e) {
            throw new MessageDecodeException(bytes, type, position(e, false), e);
        }
    }

    private static long position(JsonProcessingException e, boolean text) {
        JsonLocation location = e.getLocation();
        if (location == null) {
            return -1;
        }
        return text ? location.getCharOffset() : location.getByteOffset();
    }
}
