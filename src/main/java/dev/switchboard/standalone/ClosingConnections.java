package dev.switchboard.standalone;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The connections of one host whose server has sent its close frame and waits for the client's (RFC 6455,
 * 7.1.1): a drain is over only when they are gone too. A session's {@code @OnDisconnected} runs as soon as its
 * close frame is written, so the session registry alone would let the drain end, and the transport stop, before
 * a client had answered.
 */
final class ClosingConnections {

    private final Set<LingeringClose> waiting = ConcurrentHashMap.newKeySet();
    private final Object emptied = new Object();
    private volatile boolean draining;

    /** The host drains: connections that start waiting now wait until the drain's deadline, not only a while. */
    void drain() {
        draining = true;
    }

    boolean draining() {
        return draining;
    }

    void waiting(LingeringClose connection) {
        waiting.add(connection);
    }

    void closed(LingeringClose connection) {
        if (waiting.remove(connection) && waiting.isEmpty()) {
            synchronized (emptied) {
                emptied.notifyAll();
            }
        }
    }

    /**
     * Waits until no connection waits for its client's close any more, or the timeout passed.
     *
     * @param timeoutMillis the most to wait
     * @return {@code true} if no connection waits any more
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitNone(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (emptied) {
            for (long left = timeoutMillis; !waiting.isEmpty() && left > 0;
                 left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
                emptied.wait(left);
            }
        }
        return waiting.isEmpty();
    }
}
