package dev.switchboard.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * How many members this node has per shard, so that it subscribes to a shard's channel only while it has one: a node
 * without a member of a room does not read that room's traffic. Counts per shard, not per key: keys of one shard
 * share its subscription.
 */
public final class ShardInterest {

    private final int[] members;

    /**
     * @param shards the number of shards
     */
    public ShardInterest(int shards) {
        this.members = new int[shards];
    }

    /**
     * One more member for a shard.
     *
     * @param shard the shard
     * @return whether it is the shard's first, so that its channel is to be subscribed
     */
    public synchronized boolean add(int shard) {
        return members[shard]++ == 0;
    }

    /**
     * One member less for a shard. A shard without members stays at none: this runs where sessions close, which a
     * miscount must never break.
     *
     * @param shard the shard
     * @return whether it was the shard's last, so that its channel is to be unsubscribed
     */
    public synchronized boolean remove(int shard) {
        if (members[shard] == 0) {
            return false;
        }
        return --members[shard] == 0;
    }

    /**
     * The shards with members now.
     *
     * @return the shards, in increasing order
     */
    public synchronized List<Integer> watched() {
        List<Integer> watched = new ArrayList<>();
        for (int shard = 0; shard < members.length; shard++) {
            if (members[shard] > 0) {
                watched.add(shard);
            }
        }
        return watched;
    }
}
