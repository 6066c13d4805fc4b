package dev.switchboard.standalone;

import dev.switchboard.runtime.DrainedSet;
import org.glassfish.tyrus.spi.Writer;

/**
 * The connections of one host whose server has sent its close frame and waits for the client's (RFC 6455,
 * 7.1.1): a drain is over only when they are gone too. A session's {@code @OnDisconnected} runs as soon as its
 * close frame is written, so the session registry alone would let the drain end, and the transport stop, before
 * a client had answered.
 */
final class ClosingConnections {

    /** Each by the writer of its socket: the {@link LingeringClose} that waits. */
    private final DrainedSet<Writer> waiting = new DrainedSet<>();
    private volatile boolean draining;

    /** The host drains: connections that start waiting now wait until the drain's deadline, not only a while. */
    void drain() {
        draining = true;
    }

    boolean draining() {
        return draining;
    }

    void waiting(Writer connection) {
        waiting.add(connection);
    }

    void closed(Writer connection) {
        waiting.remove(connection);
    }

    /**
     * Waits until no connection waits for its client's close any more, or the timeout passed.
     *
     * @param timeoutMillis the most to wait
     * @return {@code true} if no connection waits any more
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitNone(long timeoutMillis) throws InterruptedException {
        return waiting.awaitEmpty(timeoutMillis);
    }
}
