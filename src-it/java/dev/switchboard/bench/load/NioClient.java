package dev.switchboard.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The benchmarks' WebSocket client for load generation: one selector thread for all connections, text frames built
 * and parsed in place (see {@link NioSocket}), no per-message hand-off between threads. Each connection
 * costs a few kilobytes, so ten thousand idle ones are cheap, and a delivery costs well under a microsecond
 * of CPU beyond the system calls: the generator stays far from being the bottleneck on the machine it shares
 * with the server. The listeners (the {@link BenchConnection}s) run on the selector thread and must not block.
 */
public final class NioClient implements AutoCloseable {

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    public NioClient(String name) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Opens a WebSocket connection whose events go to the given connection.
     *
     * @return completes with the socket once the server answered 101, or fails
     */
    CompletableFuture<NioSocket> open(URI uri, BenchConnection connection) {
        CompletableFuture<NioSocket> opened = new CompletableFuture<>();
        execute(() -> NioSocket.connect(this, uri, connection, opened));
        return opened;
    }

    Selector selector() {
        return selector;
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs the task on the selector thread. */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Makes a blocked select see changed interest sets; needless on the selector thread. */
    void wakeupFromOutside() {
        if (!inLoop()) {
            selector.wakeup();
        }
    }

    private void loop() {
        while (running) {
            try {
                // The consumer form skips the selected-key set: less work per ready connection.
                selector.select(key -> ((NioSocket) key.attachment()).ready(key));
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
            } catch (IOException | RuntimeException e) {
                // One connection's trouble is that connection's (NioSocket fails it); keep serving the others.
                System.out.println("load generator: " + e);
            }
        }
        for (SelectionKey key : selector.keys()) {
            ((NioSocket) key.attachment()).abort();
        }
    }

    /** Stops the selector thread, dropping every connection still open. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5000);
            selector.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // Closing anyway.
        }
    }
}
