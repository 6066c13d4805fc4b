package dev.switchboard.codec;

import dev.switchboard.Codec;
import dev.switchboard.MessageDecodeException;
import dev.switchboard.binding.Payloads;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;

/**
 * What {@link dev.switchboard.JsonbCodec} does, apart from it: the JVM loads the JSON-B classes this class names (its
 * exceptions included) when it links the class, so only a JSON-B that is present may reach it.
 */
public final class JsonbJson implements Codec {

    private final Jsonb jsonb;

    /**
     * @param jsonb the instance to encode and decode with
     */
    public JsonbJson(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    /** A JSON-B instance set up as {@link dev.switchboard.JsonbCodec} describes. */
    public static Jsonb defaultJsonb() {
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
            // Parsson's offset at the end of the input runs past it: the parser stopped at the end.
            long position = position(e);
            throw new MessageDecodeException(text, type, Math.min(position, text.length()), e);
        }
    }

    @Override
    public Object decodeBinary(ByteBuffer data, Type type) {
        byte[] bytes = Payloads.bytes(data);
        try {
            return jsonb.fromJson(new ByteArrayInputStream(bytes), type);
        } catch (RuntimeException e) {
            throw new MessageDecodeException(bytes, type, Math.min(position(e), bytes.length), e);
        }
    }

    /** The parser's offset, from the {@code JsonParsingException} that JSON-B implementations wrap. */
    private static long position(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParsingException parsing && parsing.getLocation() != null) {
                return parsing.getLocation().getStreamOffset();
            }
        }
        return -1;
    }
}
