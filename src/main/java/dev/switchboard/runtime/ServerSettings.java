package dev.switchboard.runtime;

import dev.switchboard.Heartbeat;
import dev.switchboard.SendQueueLimits;

import java.time.Duration;

/**
 * Settings every route of a server starts from.
 *
 * @param sendQueueLimits the outbound queue limits routes inherit
 * @param heartbeat       the heartbeat routes inherit
 * @param idleTimeout     the idle timeout routes inherit; zero for none
 */
public record ServerSettings(SendQueueLimits sendQueueLimits, Heartbeat heartbeat, Duration idleTimeout) {

    /** The defaults. */
    public static final ServerSettings DEFAULT =
            new ServerSettings(SendQueueLimits.DEFAULT, Heartbeat.DEFAULT, Duration.ZERO);
}
