package dev.switchboard;

/**
 * What a broadcast did, recipient by recipient, on this node; and whether it was published to the other nodes of
 * its {@link Cluster}.
 *
 * @param delivered sessions that queued the message for sending
 * @param dropped   sessions whose full outbound queue refused it (see {@link SendQueueLimits})
 * @param skipped   sessions that were closing or closed
 * @param published whether the message was handed to the cluster bus for the other nodes; always {@code false} on
 *                  the in-process cluster, for views that act on this node only, and while the bus is down.
 *                  Handed over is not received: delivery across nodes is at most once
 */
public record BroadcastResult(int delivered, int dropped, int skipped, boolean published) {

    /**
     * The result of a broadcast that was not published.
     *
     * @param delivered sessions that queued the message for sending
     * @param dropped   sessions whose full outbound queue refused it
     * @param skipped   sessions that were closing or closed
     */
    public BroadcastResult(int delivered, int dropped, int skipped) {
        this(delivered, dropped, skipped, false);
    }

    /**
     * All recipients the broadcast looked at on this node.
     *
     * @return delivered + dropped + skipped
     */
    public int recipients() {
        return delivered + dropped + skipped;
    }
}
