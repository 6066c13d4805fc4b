package dev.switchboard.client;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.HandshakeRefusedException;
import dev.switchboard.Reconnect;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Whether, and after what delay, a client tries again: after a failed attempt by what failed, after a connection
 * ended by its close (see {@link Reconnect} for the rules). Called holding no lock: it may ask the application for
 * new headers.
 */
final class Retries {

    private static final System.Logger LOG = System.getLogger(Retries.class.getName());

    private final Reconnect reconnect;
    private final Backoff backoff;
    private final Supplier<Map<String, String>> refreshHeaders;
    private final Consumer<Map<String, String>> newHeaders;

    /**
     * @param refreshHeaders where new headers come from after a refusal, or {@code null}
     * @param newHeaders     takes the headers a refresh gave, for the next attempts
     */
    Retries(Reconnect reconnect, Supplier<Map<String, String>> refreshHeaders,
            Consumer<Map<String, String>> newHeaders) {
        this.reconnect = reconnect;
        this.backoff = new Backoff(reconnect);
        this.refreshHeaders = refreshHeaders;
        this.newHeaders = newHeaders;
    }

    /** The delay before the next attempt after {@code failedAttempts} failed in a row, or {@code null} to give up. */
    Duration afterFailure(Throwable failure, int failedAttempts) {
        if (!reconnect.enabled() || (reconnect.maxAttempts() > 0 && failedAttempts >= reconnect.maxAttempts())) {
            return null;
        }
        if (failure instanceof HandshakeRefusedException refused) {
            int status = refused.status();
            if (status == 401 || status == 403) {
                return refreshed() ? backoff.afterFailure(failedAttempts) : null;
            }
            if (status == 503 || status == 429) {
                return backoff.retryAfter(refused.header("Retry-After").orElse(null), failedAttempts);
            }
            if (status >= 400 && status < 500) {
                return null; // the request itself is wrong: asking again will not help
            }
        }
        return backoff.afterFailure(failedAttempts);
    }

    /** The delay before the next attempt after a connection ended, or {@code null} to end. */
    Duration afterClose(CloseStatus status) {
        if (!reconnect.enabled()) {
            return null;
        }
        if (status.cause() == CloseCause.SERVER_CLOSED) {
            switch (status.code()) {
                case CloseStatus.POLICY_VIOLATION, CloseStatus.UNSUPPORTED_DATA -> {
                    return refreshed() ? backoff.afterFailure(1) : null;
                }
                case CloseStatus.GOING_AWAY, CloseStatus.SERVICE_RESTART, CloseStatus.TRY_AGAIN_LATER -> {
                    return backoff.prompt();
                }
                default -> { }
            }
        }
        return backoff.afterFailure(1);
    }

    /** Asks the application for new headers after a refusal; whether it gave some. */
    private boolean refreshed() {
        if (refreshHeaders == null) {
            return false;
        }
        Map<String, String> fresh;
        try {
            fresh = refreshHeaders.get();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "refreshHeaders failed; the client gives up", e);
            return false;
        }
        if (fresh == null || fresh.isEmpty()) {
            return false;
        }
        newHeaders.accept(fresh);
        return true;
    }
}
