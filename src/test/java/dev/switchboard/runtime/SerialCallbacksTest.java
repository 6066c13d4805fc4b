package dev.switchboard.runtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SerialCallbacksTest {

    private final SerialCallbacks callbacks = new SerialCallbacks();

    @Test
    void aCallbackSubmittedFromInsideAnotherRunsAfterItReturns() {
        List<String> order = new ArrayList<>();
        callbacks.execute(() -> {
            order.add("outer starts");
            callbacks.execute(() -> order.add("inner"));
            order.add("outer ends");
        });
        assertEquals(List.of("outer starts", "outer ends", "inner"), order);
    }

    @Test
    void runIfIdleRefusesWhileACallbackRuns() {
        List<String> order = new ArrayList<>();
        callbacks.execute(() -> assertFalse(callbacks.runIfIdle(() -> order.add("never"))));
        assertTrue(callbacks.runIfIdle(() -> order.add("now")));
        assertEquals(List.of("now"), order);
    }

    @Test
    void callbacksFromManyThreadsNeverOverlapAndAllRun() throws Exception {
        int threads = 4;
        int perThread = 20_000;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        int[] ran = new int[1]; // guarded by the serial execution itself
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                go.await();
                for (int i = 0; i < perThread; i++) {
                    callbacks.execute(() -> {
                        if (running.incrementAndGet() != 1) {
                            overlaps.incrementAndGet();
                        }
                        ran[0]++;
                        running.decrementAndGet();
                    });
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        // The last submitter may still be running others' callbacks: hand in one more to wait behind them.
        CountDownLatch done = new CountDownLatch(1);
        callbacks.execute(done::countDown);
        assertTrue(done.await(30, TimeUnit.SECONDS));

        assertEquals(0, overlaps.get());
        assertEquals(threads * perThread, ran[0]);
    }

    @Test
    void callbacksAfterADeferredOneWaitUntilItFinishedAndRunOnTheThreadThatFinishedIt() throws Exception {
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable[] finish = new Runnable[1];
        callbacks.execute((SerialCallbacks.Deferred) finished -> {
            order.add("deferred starts");
            finish[0] = finished;
            return false;
        });
        callbacks.execute(() -> order.add("next on " + Thread.currentThread().getName()));
        assertFalse(callbacks.runIfIdle(() -> order.add("never")), "the deferred callback still has the turn");
        assertEquals(List.of("deferred starts"), order);

        Thread finisher = new Thread(finish[0], "finisher");
        finisher.start();
        finisher.join(10_000);
        assertEquals(List.of("deferred starts", "next on finisher"), order);
        assertTrue(callbacks.runIfIdle(() -> order.add("idle again")));
    }

    @Test
    void aDeferredCallbackThatFinishedAtOnceLetsTheNextRun() {
        List<String> order = new ArrayList<>();
        callbacks.execute(() -> {
            callbacks.execute((SerialCallbacks.Deferred) finished -> order.add("deferred"));
            callbacks.execute(() -> order.add("after"));
            order.add("outer");
        });
        assertEquals(List.of("outer", "deferred", "after"), order);
    }
}
