package dev.switchboard.runtime;

/**
 * What a cluster bus did since it was made, for metrics.
 *
 * @param published   broadcasts handed to the bus for the other nodes
 * @param unpublished broadcasts that were to be published and were not: the bus was down, too many waited for
 *                    Redis, or Redis refused them
 * @param received    messages other nodes published that reached this node
 * @param unreadable  messages that reached this node and could not be read, e.g. of another wire format version
 */
public record BusCounts(long published, long unpublished, long received, long unreadable) {

    /** A bus that did nothing. */
    public static final BusCounts NONE = new BusCounts(0, 0, 0, 0);
}
