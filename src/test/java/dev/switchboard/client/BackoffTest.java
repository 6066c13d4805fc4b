package dev.switchboard.client;

import dev.switchboard.Reconnect;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    private final Backoff backoff = new Backoff(Reconnect.withBackoff(Duration.ofMillis(100), Duration.ofSeconds(2)));

    @Test
    void eachDelayIsDrawnBelowACeilingThatDoublesUpToTheLargest() {
        for (int attempt = 1; attempt <= 40; attempt++) {
            long ceiling = Math.min(2000, 100L << Math.min(attempt - 1, 20));
            Set<Long> drawn = new HashSet<>();
            for (int draw = 0; draw < 200; draw++) {
                long delay = backoff.afterFailure(attempt).toMillis();
                assertTrue(delay >= 0 && delay <= ceiling, "attempt " + attempt + ": " + delay + " > " + ceiling);
                drawn.add(delay);
            }
            assertTrue(drawn.size() > 10, "full jitter spreads the delays: " + drawn);
        }
    }

    @Test
    void aPromptAttemptComesWithinTheFirstDelay() {
        for (int draw = 0; draw < 200; draw++) {
            assertTrue(backoff.prompt().toMillis() <= 100);
        }
    }

    @Test
    void retryAfterIsHonouredInSecondsOrAsADateAndFallsBackToTheBackoff() {
        Duration seconds = backoff.retryAfter("3", 1);
        assertTrue(seconds.toMillis() >= 3000 && seconds.toMillis() <= 3100, seconds.toString());

        String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(5));
        Duration date = backoff.retryAfter(inFiveSeconds, 1);
        assertTrue(date.toMillis() >= 3000 && date.toMillis() <= 5100, date.toString());

        assertTrue(backoff.retryAfter(null, 1).toMillis() <= 100);
        assertTrue(backoff.retryAfter("soon", 2).toMillis() <= 200);
        assertTrue(backoff.retryAfter("-4", 1).toMillis() <= 100, "a negative wait is no wait");
    }
}
