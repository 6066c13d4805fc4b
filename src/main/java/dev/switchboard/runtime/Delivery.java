package dev.switchboard.runtime;

/**
 * What became of a message offered to one session.
 */
enum Delivery {
    /** Queued for sending. */
    QUEUED,
    /** Refused by a full outbound queue. */
    DROPPED,
    /** Refused because the session is closing or closed. */
    CLOSED
}
