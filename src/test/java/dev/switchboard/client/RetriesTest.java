package dev.switchboard.client;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.HandshakeRefusedException;
import dev.switchboard.Reconnect;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetriesTest {

    private static final Reconnect BACKOFF = Reconnect.withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
    private final Map<String, String> headers = new HashMap<>();

    private Retries retries(Reconnect reconnect, Map<String, String> refreshed) {
        return new Retries(reconnect, refreshed == null ? null : () -> refreshed, headers::putAll);
    }

    private static HandshakeRefusedException refused(int status, String retryAfter) {
        return new HandshakeRefusedException("ws://x/", status,
                retryAfter == null ? Map.of() : Map.of("Retry-After", List.of(retryAfter)));
    }

    private static CloseStatus serverClosed(int code) {
        return new CloseStatus(code, "", CloseCause.SERVER_CLOSED);
    }

    @Test
    void withoutReconnectionNothingIsRetried() {
        Retries off = retries(Reconnect.OFF, null);
        assertNull(off.afterFailure(new IOException("refused"), 1));
        assertNull(off.afterClose(serverClosed(CloseStatus.GOING_AWAY)));
    }

    @Test
    void refusalsWith401Or403AreRetriedOnlyWithNewHeaders() {
        assertNull(retries(BACKOFF, null).afterFailure(refused(403, null), 1));
        assertNull(retries(BACKOFF, Map.of()).afterFailure(refused(401, null), 1), "an empty refresh gives up");

        Duration delay = retries(BACKOFF, Map.of("Authorization", "Bearer new")).afterFailure(refused(401, null), 1);
        assertNotNull(delay);
        assertEquals(Map.of("Authorization", "Bearer new"), headers);
    }

    @Test
    void otherClientErrorsGiveUpAndServerErrorsBackOff() {
        Retries retries = retries(BACKOFF, Map.of("a", "b"));
        assertNull(retries.afterFailure(refused(404, null), 1));
        assertNull(retries.afterFailure(refused(400, null), 1));
        assertTrue(retries.afterFailure(refused(502, null), 1).toMillis() <= 100);
        assertTrue(retries.afterFailure(new IOException("connection refused"), 3).toMillis() <= 400);
    }

    @Test
    void retryAfterOnA503OrA429IsHonoured() {
        Retries retries = retries(BACKOFF, null);
        assertTrue(retries.afterFailure(refused(503, "2"), 1).toMillis() >= 2000);
        assertTrue(retries.afterFailure(refused(429, "1"), 1).toMillis() >= 1000);
        assertTrue(retries.afterFailure(refused(503, null), 1).toMillis() <= 100, "no Retry-After: the backoff");
    }

    @Test
    void aServerGoingAwayOrRestartingIsFollowedPromptly() {
        Retries retries = retries(Reconnect.withBackoff(Duration.ofMillis(100), Duration.ofMinutes(1)), null);
        for (int code : new int[]{CloseStatus.GOING_AWAY, CloseStatus.SERVICE_RESTART, CloseStatus.TRY_AGAIN_LATER}) {
            assertTrue(retries.afterClose(serverClosed(code)).toMillis() <= 100, "after " + code);
        }
        assertTrue(retries.afterClose(new CloseStatus(CloseStatus.ABNORMAL, "", CloseCause.CONNECTION_LOST))
                .toMillis() <= 100);
    }

    @Test
    void policyAndUnsupportedDataClosesEndTheClientUnlessNewHeadersCome() {
        assertNull(retries(BACKOFF, null).afterClose(serverClosed(CloseStatus.POLICY_VIOLATION)));
        assertNull(retries(BACKOFF, null).afterClose(serverClosed(CloseStatus.UNSUPPORTED_DATA)));
        assertNotNull(retries(BACKOFF, Map.of("t", "1")).afterClose(serverClosed(CloseStatus.POLICY_VIOLATION)));
    }

    @Test
    void maxAttemptsEndsARunOfFailures() {
        Retries retries = retries(BACKOFF.maxAttempts(3), null);
        assertNotNull(retries.afterFailure(new IOException("x"), 2));
        assertNull(retries.afterFailure(new IOException("x"), 3));
    }
}
