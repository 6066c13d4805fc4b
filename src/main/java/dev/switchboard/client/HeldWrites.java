package dev.switchboard.client;

import dev.switchboard.SendOverflowException;
import dev.switchboard.SendQueueLimits;
import dev.switchboard.WebSocketSession;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Writes made while a client reconnects, held in order within its send-queue limits and written to the next
 * connection, or failed if there is none.
 */
final class HeldWrites {

    private record Held(Function<WebSocketSession, CompletionStage<Void>> write, long bytes,
                        CompletableFuture<Void> result) {
    }

    private final SendQueueLimits limits;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private long bytes;

    HeldWrites(SendQueueLimits limits) {
        this.limits = limits;
    }

    /** Holds a write of about {@code size} bytes, or fails it if it would exceed the limits. */
    synchronized CompletableFuture<Void> hold(long size, Function<WebSocketSession, CompletionStage<Void>> write) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        if (held.size() + 1 > limits.maxMessages() || bytes + size > limits.maxBytes()) {
            result.completeExceptionally(new SendOverflowException("The client is reconnecting and holds "
                    + held.size() + " writes (" + bytes + " bytes) already, its send-queue limits: the message was "
                    + "not sent"));
            return result;
        }
        held.add(new Held(write, size, result));
        bytes += size;
        return result;
    }

    /** Writes what is held to the session of a new connection, in order. */
    void writeTo(WebSocketSession session) {
        Held next;
        while ((next = take()) != null) {
            CompletableFuture<Void> result = next.result();
            next.write().apply(session).whenComplete((sent, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(null);
                }
            });
        }
    }

    /** Fails what is held: the client ended. */
    void failAll(RuntimeException failure) {
        Held next;
        while ((next = take()) != null) {
            next.result().completeExceptionally(failure);
        }
    }

    private synchronized Held take() {
        Held next = held.poll();
        if (next != null) {
            bytes -= next.bytes();
        }
        return next;
    }
}
