package dev.switchboard.runtime;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs one server's host calls that write a ping or a close frame, on threads of their own where the host
 * blocks in them.
 *
 * <p>JSR-356 has no asynchronous ping or close, and containers block in them until the frame is written:
 * Jetty in every ping, Tomcat in pings and closes. Called from the completion callback of the send before, as
 * a single writer does, Jetty's ping waits for the very flusher that is running the callback, forever; called
 * from the timer thread, a client that stopped reading would stall every session's timers. Here they block
 * no host thread and no timer, and the caller learns the outcome through a callback like for any send.
 * Tyrus only queues the frame, so on the standalone host the calls run where they are made.
 *
 * <p>The parts of a message written in parts go the same way on every host: JSR-356 sends parts only through
 * its blocking remote endpoint, whose calls wait until the part is written, Tyrus's included.
 */
final class ControlFrames {

    /** A host call that may block until its frame is written. */
    interface Call {
        void run() throws Exception;
    }

    private final boolean hostBlocks;
    private final BooleanSupplier threadMayWait;
    private final ServerThreads threads = new ServerThreads("switchboard-control");
    /** Made on demand, so that a stopped server can start again. */
    private ThreadPoolExecutor writers;

    /** @param hostBlocks whether the host's ping and close may wait until their frame is written */
    ControlFrames(boolean hostBlocks) {
        this(hostBlocks, () -> true);
    }

    /**
     * @param hostBlocks    whether the host's ping and close may wait until their frame is written
     * @param threadMayWait whether the calling thread may wait for sends, which a host I/O thread may not
     */
    ControlFrames(boolean hostBlocks, BooleanSupplier threadMayWait) {
        this.hostBlocks = hostBlocks;
        this.threadMayWait = threadMayWait;
    }

    /** Whether the calling thread may wait for the host's sends to complete. */
    boolean threadMayWait() {
        return threadMayWait.getAsBoolean();
    }

    /** Starts the call; {@code done} receives {@code null} or its failure. */
    void write(Call call, Consumer<Throwable> done) {
        Runnable task = task(call, done);
        if (!hostBlocks) {
            task.run();
            return;
        }
        try {
            writers().execute(task);
        } catch (RejectedExecutionException stopping) {
            task.run(); // the server is stopping: its host is closing the connection itself
        }
    }

    /** Starts a call that blocks on every host, on a thread of its own; {@code done} receives its outcome. */
    void writeAside(Call call, Consumer<Throwable> done) {
        try {
            writers().execute(task(call, done));
        } catch (RejectedExecutionException stopping) {
            done.accept(new IllegalStateException("The server is stopping: the part was not sent"));
        }
    }

    private static Runnable task(Call call, Consumer<Throwable> done) {
        return () -> {
            Throwable failure = null;
            try {
                call.run();
            } catch (Exception e) {
                failure = e;
            }
            done.accept(failure);
        };
    }

    private synchronized ThreadPoolExecutor writers() {
        if (writers == null) {
            // Threads come and go with demand, unbounded: a call can block as long as its own client (Tomcat's
            // close waits up to its 20 s send timeout behind a stalled send), so stalled clients must not hold
            // up the pings of the others. A burst of quick calls (the first heartbeats of many new connections)
            // makes only as many threads as it takes to keep up, since finished ones take the next call.
            writers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
                    new SynchronousQueue<>(), threads);
        }
        return writers;
    }

    /**
     * Ends the idle threads at once and the others when their call returns, waiting a moment for them:
     * containers check an undeployed application's threads.
     */
    void stop() {
        ThreadPoolExecutor stopping;
        synchronized (this) {
            stopping = writers;
            writers = null;
        }
        if (stopping != null) {
            stopping.shutdown();
            threads.awaitEnd(1, TimeUnit.SECONDS);
        }
    }
}
