package dev.switchboard.runtime;

import dev.switchboard.Heartbeat;
import dev.switchboard.SendQueueLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionSlotTest {

    private final Set<SessionSlot> handedOver = ConcurrentHashMap.newKeySet();

    private SessionSlot take(SessionLimit route, SessionLimit server) {
        return SessionSlot.take(route, server, handedOver);
    }

    @Test
    void placesTakenAtOnceFromManyThreadsNeverExceedTheLimit() throws Exception {
        SessionLimit limit = SessionLimit.of(5);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Future<?>> runs = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                runs.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20_000; i++) {
                        if (limit.take()) {
                            most.accumulateAndGet(holding.incrementAndGet(), Math::max);
                            holding.decrementAndGet();
                            limit.give();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertTrue(most.get() <= 5, "at most " + most.get() + " places taken at once");
        for (int i = 0; i < 5; i++) {
            assertTrue(limit.take(), "every place was given back");
        }
        assertFalse(limit.take());
    }

    @Test
    void aSlotTakesAPlaceUnderBothLimitsOrNone() {
        SessionLimit route = SessionLimit.of(2);
        SessionLimit server = SessionLimit.of(1);
        SessionSlot first = take(route, server);
        assertNotNull(first);
        assertNull(take(route, server), "the server is full");
        assertNotNull(take(route, SessionLimit.NONE), "the refusal gave the route's place back");
        assertNull(take(route, SessionLimit.NONE), "the route is full");

        first.release();
        first.release(); // a second release gives nothing back twice
        assertNotNull(take(route, server));
        assertNull(take(route, SessionLimit.NONE));
    }

    @Test
    void aHandshakeThatEndsBeforeItsConnectionWasHandedTheSlotGivesItBack() {
        SessionLimit limit = SessionLimit.of(1);
        SessionSlot refusedLater = take(limit, SessionLimit.NONE);
        refusedLater.releaseUnlessHandedOver();
        assertFalse(refusedLater.open(), "released: no session opens in it");

        SessionSlot handed = take(limit, SessionLimit.NONE);
        assertTrue(handed.handOver());
        handed.releaseUnlessHandedOver(); // the host is done with the request; the connection opens later
        assertNull(take(limit, SessionLimit.NONE));
        assertTrue(handed.open());
        assertTrue(handedOver.isEmpty());
        handed.release(); // the session ended
        assertNotNull(take(limit, SessionLimit.NONE));
    }

    @Test
    void aSlotHandedToAConnectionThatNeverOpensComesBackAfterTheOpeningTime() {
        SessionLimit limit = SessionLimit.of(1);
        SessionSlot handed = take(limit, SessionLimit.NONE);
        assertTrue(handed.handOver());
        assertEquals(Set.of(handed), handedOver);
        long now = System.nanoTime();

        handed.releaseIfNeverOpened(now);
        assertNull(take(limit, SessionLimit.NONE), "still opening");
        handed.releaseIfNeverOpened(now + SessionSlot.OPENING_NANOS + 1);
        assertTrue(handedOver.isEmpty());
        assertFalse(handed.open(), "too late: it was given back");
        SessionSlot next = take(limit, SessionLimit.NONE);
        assertNotNull(next);

        // An opened slot is never taken back, however long it has been open.
        assertTrue(next.handOver());
        assertTrue(next.open());
        next.releaseIfNeverOpened(now + 2 * SessionSlot.OPENING_NANOS);
        assertNull(take(limit, SessionLimit.NONE));
    }

    @Test
    void aSessionOpensInTheSlotItWasHandedElseInANewOneIfThereIsRoom() {
        SessionRegistry registry = new SessionRegistry(new ControlFrames(false), 2, EngineEvents.NONE);
        RouteSessions route = registry.route(SessionSlotTest.class,
                new RouteSettings("/r", SendQueueLimits.DEFAULT, Heartbeat.OFF, Duration.ZERO, 1024, false, 0));
        try {
            SessionSlot handed = registry.reserve(route);
            assertTrue(handed.handOver());
            assertSame(handed, registry.openSlot(handed, route));

            SessionSlot fresh = registry.openSlot(null, route); // an upgrade the gate never saw
            assertNotNull(fresh);
            assertNull(registry.reserve(route), "two open, the server's limit");
            assertNull(registry.openSlot(null, route));
            fresh.release();
            assertNotNull(registry.reserve(route));
        } finally {
            registry.release();
        }
    }
}
