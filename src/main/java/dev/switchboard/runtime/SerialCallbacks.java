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
 *
 * <p>A {@link Deferred} callback may finish later, on another thread: the callbacks after it wait, and the thread
 * that finishes it runs them.
 */
final class SerialCallbacks {

    /** A callback that may finish after it returned, e.g. one that hands its work to a thread of its own. */
    interface Deferred {
        /**
         * Starts the callback.
         *
         * @param finished what to run, exactly once, when it finished later
         * @return {@code true} if it finished already, and will not run {@code finished}
         */
        boolean start(Runnable finished);
    }

    private final ConcurrentLinkedQueue<Deferred> pending = new ConcurrentLinkedQueue<>();
    /** Callbacks submitted and not yet finished, the running one included. */
    private final AtomicInteger unfinished = new AtomicInteger();
    private final Runnable finished = this::finished;

    /** Runs the callback now if none is running, else after the ones before it. */
    void execute(Runnable callback) {
        if (!runIfIdle(callback)) {
            enqueue(finished -> {
                callback.run();
                return true;
            });
        }
    }

    /** Starts the callback now if none is running, else after the ones before it; the next waits until it finished. */
    void execute(Deferred callback) {
        if (!unfinished.compareAndSet(0, 1)) {
            enqueue(callback);
        } else if (callback.start(finished)) {
            finished();
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
        finished();
        return true;
    }

    private void enqueue(Deferred callback) {
        pending.add(callback);
        if (unfinished.getAndIncrement() == 0) {
            runPending();
        }
    }

    /** The running callback finished: runs the next, if any, on this thread. */
    private void finished() {
        if (unfinished.decrementAndGet() != 0) {
            runPending();
        }
    }

    private void runPending() {
        do {
            if (!pending.poll().start(finished)) {
                return; // it finishes later, and whoever finishes it runs the rest
            }
        } while (unfinished.decrementAndGet() != 0);
    }
}
