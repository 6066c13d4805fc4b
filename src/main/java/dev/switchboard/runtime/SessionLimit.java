package dev.switchboard.runtime;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many sessions may be open at once, counted by the places taken under it: a handshake takes its place
 * before the host upgrades it ({@link SessionSlot}), so that handshakes at the same moment cannot all see room
 * for one more and overshoot the limit together.
 */
final class SessionLimit {

    /** No limit: every place is granted, and none is counted. */
    static final SessionLimit NONE = new SessionLimit(0);

    private final int max;
    private final AtomicInteger taken = new AtomicInteger();

    private SessionLimit(int max) {
        this.max = max;
    }

    /** A limit of {@code max} sessions, or {@link #NONE} for {@code 0}. */
    static SessionLimit of(int max) {
        return max <= 0 ? NONE : new SessionLimit(max);
    }

    /** Takes a place, if one is free. */
    boolean take() {
        if (this == NONE) {
            return true;
        }
        for (int now = taken.get(); now < max; now = taken.get()) {
            if (taken.compareAndSet(now, now + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Gives back a place taken before. */
    void give() {
        if (this != NONE) {
            taken.decrementAndGet();
        }
    }
}
