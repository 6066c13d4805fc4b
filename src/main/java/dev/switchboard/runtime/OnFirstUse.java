package dev.switchboard.runtime;

import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.Supplier;

/**
 * A field of a session made when first used, for what most sessions never need (attributes, groups): an idle
 * server holds tens of thousands of sessions, and an empty concurrent map costs each of them some 64 bytes.
 */
final class OnFirstUse {

    private OnFirstUse() {
    }

    /**
     * The field's value, made and set now if it has none; of two threads that race, both get the one set first.
     *
     * @param field the field
     * @param owner whose field
     * @param make  makes the value
     * @return the value
     */
    static <T, V> V get(AtomicReferenceFieldUpdater<T, V> field, T owner, Supplier<? extends V> make) {
        V value = field.get(owner);
        if (value == null) {
            V made = make.get();
            value = field.compareAndSet(owner, null, made) ? made : field.get(owner);
        }
        return value;
    }
}
