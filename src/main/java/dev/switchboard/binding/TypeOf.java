package dev.switchboard.binding;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * A generic type as a {@link Type}, generics included: generated adapters write
 * {@code new TypeOf<List<Message>>() { }.type()} for a handler parameter of type {@code List<Message>}, so that the
 * codec decodes into that type without reflection on the route.
 *
 * @param <T> the type
 */
public abstract class TypeOf<T> {

    private final Type type;

    /** Reads the type argument of the anonymous subclass. */
    protected TypeOf() {
        this.type = ((ParameterizedType) getClass().getGenericSuperclass()).getActualTypeArguments()[0];
    }

    /**
     * The type.
     *
     * @return the type argument, as written
     */
    public final Type type() {
        return type;
    }
}
