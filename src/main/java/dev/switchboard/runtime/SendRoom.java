package dev.switchboard.runtime;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Where the writers of messages written in parts wait for room in a session's outbound queue. The queue itself
 * never waits; only these blocking writers do, and whatever frees room or ends their wait signals here.
 */
final class SendRoom {

    /** Writers waiting now; read without the lock so that a signal costs nothing while nobody waits. */
    private volatile int waiting;

    /**
     * Waits until {@code ready} holds or the time is up. {@code ready} is checked under this room's lock, so
     * whoever changes what it reads and then calls {@link #signal()} cannot be missed.
     *
     * @param ready        what ends the wait
     * @param timeoutNanos the longest wait; 0 for no limit
     * @return whether {@code ready} held
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean await(BooleanSupplier ready, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (this) {
            waiting++;
            try {
                while (!ready.getAsBoolean()) {
                    long left = timeoutNanos == 0 ? Long.MAX_VALUE : deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
                return true;
            } finally {
                waiting--;
            }
        }
    }

    /** Wakes the waiting writers to check again; never call it holding a lock that {@code ready} takes. */
    void signal() {
        if (waiting > 0) {
            synchronized (this) {
                notifyAll();
            }
        }
    }
}
