package dev.switchboard.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs the host calls that write a ping or a close frame, on threads of their own.
 *
 * <p>JSR-356 has no asynchronous ping or close, and hosts block in them until the frame is written: Jetty
 * in every ping, Tomcat in pings and closes. Called from the completion callback of the send before, as a
 * single writer does, Jetty's ping waits for the very flusher that is running the callback, forever; called
 * from the timer thread, a client that stopped reading would stall every session's timers. Here they block
 * no host thread and no timer, and the caller learns the outcome through a callback like for any send.
 */
final class ControlFrames {

    /** A host call that may block until its frame is written. */
    interface Call {
        void run() throws Exception;
    }

    private static final AtomicInteger THREADS = new AtomicInteger();
    // Threads come and go with demand: the calls are rare (heartbeats, closes), and each can block as long
    // as its own client, so one stuck client must not hold up the others.
    private static final Executor WRITERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "switchboard-control-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    private ControlFrames() {
    }

    /** Starts the call; {@code done} receives {@code null} or its failure, on another thread. */
    static void write(Call call, Consumer<Throwable> done) {
        WRITERS.execute(() -> {
            Throwable failure = null;
            try {
                call.run();
            } catch (Exception e) {
                failure = e;
            }
            done.accept(failure);
        });
    }
}
