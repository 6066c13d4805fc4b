package dev.switchboard.runtime;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A concurrent set that a draining server waits on until it is empty: its open sessions, or its connections that
 * wait for their clients' close.
 *
 * @param <T> the members' type
 */
public final class DrainedSet<T> {

    private final Set<T> members = ConcurrentHashMap.newKeySet();
    private final Object emptied = new Object();

    /** Adds a member. */
    public void add(T member) {
        members.add(member);
    }

    /**
     * Removes a member, waking those waiting for the set to empty if it was the last.
     *
     * @param member the member
     * @return whether it was a member
     */
    public boolean remove(T member) {
        boolean removed = members.remove(member);
        if (removed && members.isEmpty()) {
            synchronized (emptied) {
                emptied.notifyAll();
            }
        }
        return removed;
    }

    /** How many members there are now. */
    public int size() {
        return members.size();
    }

    /** The members now, a copy. */
    public List<T> snapshot() {
        return List.copyOf(members);
    }

    /** The members as they come and go, read-only: for a sweep that need not see a fixed set. */
    Set<T> live() {
        return Collections.unmodifiableSet(members);
    }

    /**
     * Waits until the set is empty, or the timeout passed.
     *
     * @param timeoutMillis the most to wait
     * @return {@code true} if it is empty
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitEmpty(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (emptied) {
            for (long left = timeoutMillis; !members.isEmpty() && left > 0;
                 left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
                emptied.wait(left);
            }
        }
        return members.isEmpty();
    }
}
