package dev.switchboard.client;

import dev.switchboard.Reconnect;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The delays of a reconnecting client: full jitter over an exponential backoff, so that clients that lost the same
 * server come back spread over the whole delay rather than together.
 */
final class Backoff {

    private final Reconnect reconnect;

    Backoff(Reconnect reconnect) {
        this.reconnect = reconnect;
    }

    /** Before the n-th attempt in a row (n from 1): a random delay up to {@code firstDelay * 2^(n-1)}, capped. */
    Duration afterFailure(int attempt) {
        long first = reconnect.firstDelay().toMillis();
        long max = reconnect.maxDelay().toMillis();
        int doublings = Math.min(Math.max(attempt - 1, 0), 40);
        long ceiling = first > max >> doublings ? max : Math.min(max, first << doublings);
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    /** After a server said it is going away or restarting: soon, within the first delay. */
    Duration prompt() {
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(reconnect.firstDelay().toMillis() + 1));
    }

    /**
     * After a refusal that says when to come back ({@code Retry-After}, in seconds or as an HTTP date): no sooner,
     * and within the first delay after it; the backoff if the header is missing or unreadable.
     */
    Duration retryAfter(String header, int attempt) {
        Duration wait = parse(header);
        return wait == null ? afterFailure(attempt) : wait.plus(prompt());
    }

    private static Duration parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
