package dev.switchboard;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;

/**
 * A codec on an optional library, whose work is done by a class of {@code dev.switchboard.codec} that names the
 * library: the JVM loads the library's classes that a class names in its exception handlers when it links that
 * class, so the public codec itself names none and can say what to add when the library is absent.
 */
abstract class LibraryCodec implements Codec {

    private final Codec work;
    private final String name;

    LibraryCodec(Codec work, String name) {
        this.work = work;
        this.name = name;
    }

    @Override
    public String encodeText(Object value) throws Exception {
        return work.encodeText(value);
    }

    @Override
    public Object decodeText(String text, Type type) throws Exception {
        return work.decodeText(text, type);
    }

    @Override
    public ByteBuffer encodeBinary(Object value) throws Exception {
        return work.encodeBinary(value);
    }

    @Override
    public Object decodeBinary(ByteBuffer data, Type type) throws Exception {
        return work.decodeBinary(data, type);
    }

    @Override
    public String toString() {
        return name;
    }
}
