package dev.switchboard.runtime;

import dev.switchboard.SendQueueLimits;

/**
 * Settings every route of a server starts from.
 *
 * @param sendQueueLimits the outbound queue limits routes inherit
 */
public record ServerSettings(SendQueueLimits sendQueueLimits) {

    /** The defaults. */
    public static final ServerSettings DEFAULT = new ServerSettings(SendQueueLimits.DEFAULT);
}
