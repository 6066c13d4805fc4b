package dev.switchboard;

/**
 * What a broadcast did, recipient by recipient.
 *
 * @param delivered sessions that queued the message for sending
 * @param dropped   sessions whose full outbound queue refused it (see {@link SendQueueLimits})
 * @param skipped   sessions that were closing or closed
 */
public record BroadcastResult(int delivered, int dropped, int skipped) {

    /**
     * All recipients the broadcast looked at.
     *
     * @return delivered + dropped + skipped
     */
    public int recipients() {
        return delivered + dropped + skipped;
    }
}
