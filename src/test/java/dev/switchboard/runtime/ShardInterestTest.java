package dev.switchboard.runtime;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardInterestTest {

    private final ShardInterest interest = new ShardInterest(4);

    @Test
    void aShardIsSubscribedForItsFirstMemberAndLeftAfterItsLast() {
        assertTrue(interest.add(2), "the first member subscribes");
        assertFalse(interest.add(2), "a second member of the shard, maybe of another group, does not");
        assertTrue(interest.add(0));
        assertEquals(List.of(0, 2), interest.watched());
        assertFalse(interest.remove(2));
        assertTrue(interest.remove(2), "the last member leaves the channel");
        assertEquals(List.of(0), interest.watched());
    }

    @Test
    void aRemovalWithoutAMemberChangesNothing() {
        assertFalse(interest.remove(1));
        assertTrue(interest.add(1), "still the first member");
    }
}
