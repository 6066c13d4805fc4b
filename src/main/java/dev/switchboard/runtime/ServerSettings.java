package dev.switchboard.runtime;

import dev.switchboard.Heartbeat;
import dev.switchboard.SendQueueLimits;

import java.time.Duration;
import java.util.List;

/**
 * Settings every route of a server starts from.
 *
 * @param sendQueueLimits the outbound queue limits routes inherit
 * @param heartbeat       the heartbeat routes inherit
 * @param idleTimeout     the idle timeout routes inherit; zero for none
 * @param maxMessageBytes the largest message routes accept
 * @param allowedOrigins  the browser origins routes without their own list accept; empty for any
 * @param maxSessions     most sessions open at once on all routes together; 0 for no limit
 * @param handlersOnIoThreads whether handlers run on I/O threads that serve other connections too, where one
 *                        that blocks holds those up
 */
public record ServerSettings(SendQueueLimits sendQueueLimits, Heartbeat heartbeat, Duration idleTimeout,
                             long maxMessageBytes, List<String> allowedOrigins, int maxSessions,
                             boolean handlersOnIoThreads) {

    public ServerSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** The largest message accepted by default: 16 MiB. */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 16L << 20;

    /** The defaults. */
    public static final ServerSettings DEFAULT =
            new ServerSettings(SendQueueLimits.DEFAULT, Heartbeat.DEFAULT, Duration.ZERO, DEFAULT_MAX_MESSAGE_BYTES,
                    List.of(), 0, false);
}
