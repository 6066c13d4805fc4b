package dev.switchboard.runtime;

import dev.switchboard.Codec;
import dev.switchboard.MessageDecodeException;
import dev.switchboard.binding.Payloads;
import dev.switchboard.codec.CodecDiscovery;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * The codec of one route: the route's own, else the server's, else the one the class path offers; found when a
 * route with typed handlers is deployed, else on first use ({@code writeObject}), so that other routes never look
 * for one. Every failure comes out as one kind: a
 * {@link MessageDecodeException} to decode, an {@link IllegalArgumentException} to encode.
 */
final class RouteCodec {

    private final String path;
    private final Supplier<? extends Codec> choose;
    private volatile Codec codec;

    /**
     * @param path        the route's path template, for messages
     * @param routeCodec  makes the route's own codec, or {@code null} if it names none
     * @param serverCodec the server's codec, or {@code null} if it set none
     * @param loader      where to look for one on the class path
     */
    RouteCodec(String path, Supplier<? extends Codec> routeCodec, Codec serverCodec, ClassLoader loader) {
        this.path = path;
        this.choose = routeCodec != null ? routeCodec
                : serverCodec != null ? () -> serverCodec
                : () -> CodecDiscovery.find(loader);
    }

    /** The codec; fails with what to add if there is none. */
    Codec codec() {
        Codec found = codec;
        if (found == null) {
            synchronized (this) {
                if (codec == null) {
                    Codec chosen = choose.get();
                    if (chosen == null) {
                        throw new IllegalStateException(CodecDiscovery.noCodec(path));
                    }
                    codec = chosen;
                }
                found = codec;
            }
        }
        return found;
    }

    Object decodeText(String text, Type type) {
        Codec chosen = codec();
        try {
            return chosen.decodeText(text, type);
        } catch (MessageDecodeException e) {
            throw e;
        } catch (Exception e) {
            throw new MessageDecodeException(text, type, -1, e);
        }
    }

    Object decodeBinary(ByteBuffer data, Type type) {
        Codec chosen = codec();
        try {
            return chosen.decodeBinary(data, type);
        } catch (MessageDecodeException e) {
            throw e;
        } catch (Exception e) {
            throw new MessageDecodeException(Payloads.bytes(data), type, -1, e);
        }
    }

    /** The object as a message of the kind asked for. */
    Outbound encode(Object value, boolean binary) {
        return encoding(value, codec -> binary ? Outbound.binary(codec.encodeBinary(value))
                : Outbound.text(codec.encodeText(value)));
    }

    /** The object as a message of the kind {@code writeObject} sends. */
    Outbound encode(Object value) {
        return encode(value, codec().writesBinary());
    }

    /** The object once for all of a broadcast's recipients. */
    SharedMessage encodeShared(Object value) {
        return encoding(value, codec -> codec.writesBinary() ? SharedMessage.binary(codec.encodeBinary(value))
                : SharedMessage.text(codec.encodeText(value)));
    }

    private interface Encoding<T> {
        T apply(Codec codec) throws Exception;
    }

    private <T> T encoding(Object value, Encoding<T> encoding) {
        Codec chosen = codec();
        try {
            return encoding.apply(chosen);
        } catch (Exception e) {
            throw new IllegalArgumentException("Could not encode a " + value.getClass().getName() + " with " + chosen
                    + " for route " + path + ": " + e.getMessage(), e);
        }
    }
}
