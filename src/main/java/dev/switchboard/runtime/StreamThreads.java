package dev.switchboard.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads of one server on which handlers read a message as it arrives ({@code Reader}, {@code InputStream}),
 * while a host thread delivers its parts.
 *
 * <p>As many threads as messages are being streamed at once, made on demand and ended when idle: a pool of fixed
 * size could deadlock. Hosts serve many connections on few threads, and a host thread that waits for one stream
 * handler to read (the back-pressure of a full buffer) delivers nothing to the others on that thread; were those
 * others holding every pool thread while the first waits for one, none would ever go on.
 */
final class StreamThreads implements Executor {

    private final ServerThreads threads = new ServerThreads("switchboard-stream");
    /** Made on demand: most servers never stream a message. */
    private ThreadPoolExecutor pool;
    private boolean stopped;

    /**
     * Runs the task on a thread of the pool.
     *
     * @throws RejectedExecutionException if the server stopped
     */
    @Override
    public void execute(Runnable task) {
        pool().execute(task);
    }

    private synchronized ThreadPoolExecutor pool() {
        if (stopped) {
            throw new RejectedExecutionException("the server stopped");
        }
        if (pool == null) {
            pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                    threads);
        }
        return pool;
    }

    /**
     * Ends the idle threads at once and the others when their handler returns, waiting a moment for them:
     * containers check an undeployed application's threads. Sessions are closed by then, so their streams
     * fail and their handlers return.
     */
    void stop() {
        ThreadPoolExecutor stopping;
        synchronized (this) {
            stopping = pool;
            pool = null;
            stopped = true;
        }
        if (stopping != null) {
            stopping.shutdown();
            threads.awaitEnd(1, TimeUnit.SECONDS);
        }
    }
}
