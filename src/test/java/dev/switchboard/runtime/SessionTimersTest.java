package dev.switchboard.runtime;

import dev.switchboard.Heartbeat;
import dev.switchboard.OverflowAction;
import dev.switchboard.SendQueueLimits;
import dev.switchboard.runtime.SessionTimers.Due;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SessionTimersTest {

    private static final long MS = 1_000_000;

    private static SessionTimers timers(Heartbeat heartbeat, Duration idle, Duration sendTimeout) {
        return new SessionTimers(new RouteSettings("/t",
                new SendQueueLimits(10, 1000, OverflowAction.FAIL_SEND, sendTimeout), heartbeat, idle, 1024, false));
    }

    @Test
    void pingsEveryIntervalAndTimesOutWithoutPong() {
        SessionTimers timers = timers(new Heartbeat(Duration.ofMillis(100), Duration.ofMillis(50)), Duration.ZERO, Duration.ZERO);
        long start = System.nanoTime();

        assertEquals(Due.PING, timers.due(start, true, 0));
        assertEquals(Due.NOTHING, timers.due(start + 40 * MS, true, 0));
        assertEquals(Due.HEARTBEAT_TIMEOUT, timers.due(start + 50 * MS, true, 0));
    }

    @Test
    void aPongResetsTheHeartbeat() {
        SessionTimers timers = timers(new Heartbeat(Duration.ofMillis(100), Duration.ofMillis(50)), Duration.ZERO, Duration.ZERO);
        long start = System.nanoTime() - 200 * MS;
        assertEquals(Due.PING, timers.due(start, true, 0));
        timers.pong(); // now, after the ping

        assertEquals(Due.PING, timers.due(start + 100 * MS, true, 0), "the next ping is due after the interval");
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
