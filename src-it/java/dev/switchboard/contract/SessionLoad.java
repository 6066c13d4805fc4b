package dev.switchboard.contract;

import dev.switchboard.WebSocketSession;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The probe's heavy writes: many threads at once, or more than a stalled client can take.
 */
final class SessionLoad {

    /** Most 64 KiB writes {@link #flood} tries before it gives up. */
    private static final int FLOOD_LIMIT = 10_000;

    private SessionLoad() {
    }

    /**
     * Starts {@code threads} threads that, all released at once, each write {@code count} texts
     * {@code "<thread>:<i>"} to the session. Replies when every write's stage completed: {@code thrown} (writes
     * that threw), {@code failed} (stages that failed), {@code isOpen}.
     */
    static CompletionStage<ProbeReply> burst(WebSocketSession session, int threads, int count) {
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger thrown = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            CompletableFuture<Void> allWritten = new CompletableFuture<>();
            writers.add(allWritten);
            Thread writer = new Thread(() -> {
                List<CompletableFuture<Void>> mine = new ArrayList<>(count);
                try {
                    go.await();
                    for (int i = 0; i < count; i++) {
                        try {
                            mine.add(session.writeText(thread + ":" + i).toCompletableFuture()
                                    .exceptionally(failure -> {
                                        failed.incrementAndGet();
                                        return null;
                                    }));
                        } catch (RuntimeException e) {
                            thrown.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                CompletableFuture.allOf(mine.toArray(CompletableFuture[]::new))
                        .whenComplete((ignored, failure) -> allWritten.complete(null));
            }, "probe-burst-" + thread);
            writer.setDaemon(true);
            writer.start();
        }
        go.countDown();
        return CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> new ProbeReply()
                        .add("thrown", thrown.get())
                        .add("failed", failed.get())
                        .add("isOpen", session.isOpen()));
    }

    /**
     * Writes 64 KiB binaries to the session, whose client is expected not to read, until the queue refuses
     * one. Replies {@code refusal} (the exception), {@code writes} (how many were tried), then
     * {@code isOpen} and {@code bufferedAmount} right after the refusal; {@code fault} if all
     * {@value #FLOOD_LIMIT} writes were accepted.
     */
    static ProbeReply flood(WebSocketSession session) {
        byte[] chunk = new byte[64 * 1024];
        CompletableFuture<Void> lastAccepted = CompletableFuture.completedFuture(null);
        for (int i = 1; i <= FLOOD_LIMIT; i++) {
            CompletableFuture<Void> write = session.writeData(chunk).toCompletableFuture();
            if (!write.isCompletedExceptionally()) {
                lastAccepted = write;
            } else if (!session.isOpen() || stalled(lastAccepted)) {
                Throwable refusal = write.handle((ignored, failure) -> failure).join();
                return new ProbeReply()
                        .addThrowable("refusal", refusal)
                        .add("writes", i)
                        .add("isOpen", session.isOpen())
                        .add("bufferedAmount", session.bufferedAmount());
            }
        }
        return ProbeReply.fault(FLOOD_LIMIT + " writes of 64 KiB to a client that does not read were all accepted");
    }

    /**
     * Whether the client really stopped taking data: a burst can fill the queue while the socket still takes
     * it (hosts complete sends on threads of their own), and then the last queued write soon completes.
     */
    private static boolean stalled(CompletableFuture<Void> lastAccepted) {
        try {
            lastAccepted.get(500, TimeUnit.MILLISECONDS);
            return false;
        } catch (TimeoutException stillQueued) {
            return true;
        } catch (Exception failed) {
            return true; // the write failed: nothing more will be taken either
        }
    }
}
