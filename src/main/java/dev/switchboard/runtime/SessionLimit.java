package dev.switchboard.runtime;

import java.util.function.IntSupplier;

/**
 * How many sessions may be open at once, counted live: checked at the handshake, so the excess is refused
 * before it becomes a session rather than accepted and closed.
 */
final class SessionLimit {

    static final SessionLimit NONE = new SessionLimit(0, () -> 0);

    private final int max;
    private final IntSupplier open;

    private SessionLimit(int max, IntSupplier open) {
        this.max = max;
        this.open = open;
    }

    /** A limit of {@code max} sessions ({@code 0} for none), of which {@code open} tells how many are open. */
    static SessionLimit of(int max, IntSupplier open) {
        return max <= 0 ? NONE : new SessionLimit(max, open);
    }

    boolean reached() {
        return this != NONE && open.getAsInt() >= max;
    }
}
