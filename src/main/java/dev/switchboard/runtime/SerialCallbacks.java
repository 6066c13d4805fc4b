package dev.switchboard.runtime;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one connection's callbacks one at a time, in submission order, without a thread of its own.
 *
 * <p>The submitting thread runs the callback at once when none is running; otherwise the callback is queued
 * and the thread already running callbacks runs it next. So a callback submitted from inside another (a
 * handler that closes its session, making the host report the close on the same thread) runs after that
 * one returns, and a host thread that reports a close while a handler runs elsewhere never waits.
 */
final class SerialCallbacks {

    private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
    /** Callbacks submitted and not yet finished, the running one included. */
    private final AtomicInteger unfinished = new AtomicInteger();

    /** Runs the callback now if none is running, else after the ones before it. */
    void execute(Runnable callback) {
        if (!runIfIdle(callback)) {
            pending.add(callback);
            if (unfinished.getAndIncrement() == 0) {
                runPending();
            }
        }
    }

    /**
     * Runs the callback now, on this thread, if no callback is running; returns {@code false} without running
     * it otherwise. Lets a caller hand over a buffer that is only valid during the call without copying it.
     */
    boolean runIfIdle(Runnable callback) {
        if (!unfinished.compareAndSet(0, 1)) {
            return false;
        }
        callback.run();
        if (unfinished.decrementAndGet() != 0) {
            runPending();
        }
        return true;
    }

    private void runPending() {
        do {
            pending.poll().run();
        } while (unfinished.decrementAndGet() != 0);
    }
}
