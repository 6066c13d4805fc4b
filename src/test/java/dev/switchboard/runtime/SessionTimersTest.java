package dev.switchboard.runtime;

import dev.switchboard.Heartbeat;
import dev.switchboard.OverflowAction;
import dev.switchboard.SendQueueLimits;
import dev.switchboard.runtime.SessionTimers.Due;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionTimersTest {

    private static final long MS = 1_000_000;

    private static RouteSettings route(Heartbeat heartbeat, Duration idle, Duration sendTimeout) {
        return new RouteSettings("/t", new SendQueueLimits(10, 1000, OverflowAction.FAIL_SEND, sendTimeout), heartbeat,
                idle, 1024, false, 0);
    }

    private static SessionTimers timers(Heartbeat heartbeat, Duration idle, Duration sendTimeout) {
        return new SessionTimers(route(heartbeat, idle, sendTimeout));
    }

    /** Opened at {@code opened}, with the earliest first ping: one interval later. */
    private static SessionTimers earliest(Heartbeat heartbeat, long opened) {
        return new SessionTimers(route(heartbeat, Duration.ZERO, Duration.ZERO), opened, 0);
    }

    @Test
    void pingsEveryIntervalAndTimesOutWithoutPong() {
        long start = System.nanoTime() - 1_000 * MS;
        SessionTimers timers = earliest(new Heartbeat(Duration.ofMillis(100), Duration.ofMillis(50)), start - 100 * MS);

        assertEquals(Due.PING, timers.due(start, true, 0));
        assertEquals(Due.NOTHING, timers.due(start + 40 * MS, true, 0));
        assertEquals(Due.HEARTBEAT_TIMEOUT, timers.due(start + 50 * MS, true, 0));
    }

    @Test
    void aPongResetsTheHeartbeat() {
        long start = System.nanoTime() - 200 * MS;
        SessionTimers timers = earliest(new Heartbeat(Duration.ofMillis(100), Duration.ofMillis(50)), start - 100 * MS);
        assertEquals(Due.PING, timers.due(start, true, 0));
        timers.pong(); // now, after the ping

        assertEquals(Due.NOTHING, timers.due(start + 99 * MS, true, 0));
        assertEquals(Due.PING, timers.due(start + 100 * MS, true, 0), "the next ping is due after the interval");
    }

    @Test
    void theFirstPingComesAboutOneIntervalAfterTheOpenNeverAtOnce() {
        Heartbeat heartbeat = Heartbeat.every(Duration.ofMillis(1_000));
        long opened = System.nanoTime();
        SessionTimers earliest = earliest(heartbeat, opened);
        assertEquals(Due.NOTHING, earliest.due(opened, true, 0), "not at the open");
        assertEquals(Due.NOTHING, earliest.due(opened + 999 * MS, true, 0));
        assertEquals(Due.PING, earliest.due(opened + 1_000 * MS, true, 0));

        SessionTimers latest = new SessionTimers(route(heartbeat, Duration.ZERO, Duration.ZERO), opened, 0.999_999);
        assertEquals(Due.NOTHING, latest.due(opened + 1_499 * MS, true, 0));
        assertEquals(Due.PING, latest.due(opened + 1_500 * MS, true, 0));
    }

    @Test
    void sessionsOpenedTogetherHaveTheirFirstPingsSpreadOverHalfAnInterval() {
        long interval = 1_000 * MS;
        assertEquals(1_000 * MS, SessionTimers.firstPingDelay(interval, 0));
        assertEquals(1_250 * MS, SessionTimers.firstPingDelay(interval, 0.5));
        assertEquals(1_500 * MS, SessionTimers.firstPingDelay(interval, 1), "the end of the spread, not reached");

        // Each session draws its own point: 200 opened at once are pinged in many ticks of a 10 ms clock.
        RouteSettings route = route(Heartbeat.every(Duration.ofSeconds(1)), Duration.ZERO, Duration.ZERO);
        long opened = System.nanoTime();
        List<SessionTimers> sessions = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sessions.add(new SessionTimers(route));
        }
        Set<Long> ticks = new TreeSet<>();
        for (SessionTimers timers : sessions) {
            long tick = opened;
            while (timers.due(tick, true, 0) != Due.PING) {
                tick += 10 * MS;
            }
            ticks.add(tick - opened);
        }
        assertTrue(ticks.size() > 20, "first pings in " + ticks.size() + " ticks");
        assertTrue(ticks.stream().allMatch(after -> after >= 1_000 * MS && after < 1_550 * MS), ticks::toString);
    }

    @Test
    void idleAndSendTimeouts() {
        SessionTimers timers = timers(Heartbeat.OFF, Duration.ofMillis(100), Duration.ofMillis(30));
        long now = System.nanoTime();

        assertEquals(Due.NOTHING, timers.due(now, true, 0));
        assertEquals(Due.SEND_TIMEOUT, timers.due(now, true, 31 * MS));
        assertEquals(Due.IDLE_TIMEOUT, timers.due(now + 100 * MS, true, 0));
        timers.activity();
        assertEquals(Due.NOTHING, timers.due(System.nanoTime() + 50 * MS, true, 0));
    }

    @Test
    void givesUpOnACloseTheHostNeverConfirms() {
        SessionTimers timers = timers(Heartbeat.OFF, Duration.ZERO, Duration.ZERO);
        assertEquals(Due.NOTHING, timers.due(System.nanoTime(), false, 0), "not closing yet");
        timers.closing();
        long now = System.nanoTime();

        assertEquals(Due.NOTHING, timers.due(now, false, 0));
        assertEquals(Due.GIVE_UP_CLOSE, timers.due(now + SessionTimers.CLOSE_GRACE_NANOS + MS, false, 0));
    }
}
