package dev.switchboard.client;

import dev.switchboard.OverflowAction;
import dev.switchboard.SendOverflowException;
import dev.switchboard.SendQueueLimits;
import dev.switchboard.SessionClosedException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeldWritesTest {

    private final HeldWrites held = new HeldWrites(new SendQueueLimits(3, 100, OverflowAction.FAIL_SEND));
    private final List<String> written = new ArrayList<>();

    private CompletableFuture<Void> hold(String text) {
        return held.hold(text.length(), session -> {
            written.add(text);
            return CompletableFuture.completedFuture(null);
        });
    }

    @Test
    void holdsWithinTheLimitsAndWritesInOrder() throws Exception {
        CompletableFuture<Void> first = hold("one");
        CompletableFuture<Void> second = hold("two");
        CompletableFuture<Void> third = hold("three");
        CompletableFuture<Void> fourth = hold("four");
        assertInstanceOf(SendOverflowException.class,
                assertThrows(ExecutionException.class, fourth::get).getCause(), "beyond the message limit");

        held.writeTo(null);
        assertEquals(List.of("one", "two", "three"), written);
        assertTrue(first.isDone() && second.isDone() && third.isDone() && !third.isCompletedExceptionally());
    }

    @Test
    void refusesBeyondTheByteLimitAndFailsWhatIsHeldWhenTheClientEnds() {
        CompletableFuture<Void> small = hold("x".repeat(60));
        CompletableFuture<Void> tooMuch = hold("y".repeat(41));
        assertInstanceOf(SendOverflowException.class, assertThrows(ExecutionException.class, tooMuch::get).getCause());

        held.failAll(new SessionClosedException("closed"));
        assertInstanceOf(SessionClosedException.class, assertThrows(ExecutionException.class, small::get).getCause());
        held.writeTo(null);
        assertEquals(List.of(), written);
    }
}
