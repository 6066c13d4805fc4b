package dev.switchboard.bench.load;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The publisher's flow control in the broadcast case: at most {@code size} messages published and not
 * yet accounted for by every subscriber. A subscriber accounts for a message when it receives it, or, if a
 * later one comes first, when it counts it as a gap; so a lost message does not shrink the window for good.
 *
 * <p>Each subscriber accounts for the sequence numbers in increasing order, once each, so message {@code n}
 * is accounted for by all before message {@code n + 1} is, and message {@code n + size} is only published once
 * message {@code n} was accounted for by all. The counter of ring slot {@code n % size} therefore only grows:
 * generation {@code g} of a slot is complete when it reaches {@code recipients * (g + 1)}, with no reset
 * that could race with the next generation.
 */
public final class PublishWindow {

    private final int size;
    private final int recipients;
    private final Semaphore free;
    private final AtomicLongArray accounted;

    public PublishWindow(int size, int recipients) {
        this.size = size;
        this.recipients = recipients;
        this.free = new Semaphore(size);
        this.accounted = new AtomicLongArray(size);
    }

    /** Takes a place in the window for the next message; false if none came free in time. */
    public boolean acquire(long timeoutNanos) throws InterruptedException {
        return free.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
    }

    /** Returns a place taken by {@link #acquire} for a message that was not published after all. */
    public void giveBack() {
        free.release();
    }

    /** One subscriber accounts for message {@code seq}: received, or skipped by a later one. */
    void accountedFor(long seq) {
        int slot = (int) (seq % size);
        long generation = seq / size;
        if (accounted.incrementAndGet(slot) == recipients * (generation + 1)) {
            free.release();
        }
    }

    /** Messages published and not yet accounted for by every subscriber. */
    public int outstanding() {
        return size - free.availablePermits();
    }
}
