package dev.switchboard.runtime;

import dev.switchboard.SendOverflowException;
import dev.switchboard.SendQueueLimits;
import dev.switchboard.SessionClosedException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A session's bounded outbound queue with a single writer.
 *
 * <p>Any thread may offer; whichever thread finds the writer idle becomes the writer and starts sends one
 * after another, each only once the previous completed. A send that completes asynchronously hands the
 * writer role to its completion callback. No thread ever waits for another, so neither a host I/O thread
 * nor an application thread blocks here, and the host never sees two sends at once.
 */
final class OutboundQueue {

    /** Told when a write was refused for the limits, so the session can apply its overflow action. */
    interface OverflowListener {
        void overflowed();
    }

    private static final int STARTING = 0;
    private static final int FINISHED_INLINE = 1;
    private static final int FINISHING_LATER = 2;

    private final String sessionId;
    private final Transport transport;
    private final SendQueueLimits limits;
    private final OverflowListener overflowListener;

    private final ConcurrentLinkedQueue<Outbound> queue = new ConcurrentLinkedQueue<>();
    /** Entries offered and not yet completed, including the one being written. */
    private final AtomicInteger messages = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicBoolean writing = new AtomicBoolean();
    /** Whether the current send completed before {@code start} returned; one send is in flight at most. */
    private final AtomicInteger sendPhase = new AtomicInteger();
    private volatile String closedBecause;
    /** Set by the writer once a close entry was written: later entries can only fail. */
    private boolean closeWritten;

    OutboundQueue(String sessionId, Transport transport, SendQueueLimits limits, OverflowListener overflowListener) {
        this.sessionId = sessionId;
        this.transport = transport;
        this.limits = limits;
        this.overflowListener = overflowListener;
    }

    /** Queues an entry within the limits, or fails it; returns the entry as the writer's future. */
    CompletableFuture<Void> offer(Outbound entry) {
        if (closedBecause != null) {
            entry.completeExceptionally(new SessionClosedException(closedMessage()));
            return entry;
        }
        int queuedMessages = messages.incrementAndGet();
        long queuedBytes = bytes.addAndGet(entry.bytes);
        // A message offered to an empty queue always fits, so one large message is never refused alone.
        if (queuedMessages > 1 && (queuedMessages > limits.maxMessages() || queuedBytes > limits.maxBytes())) {
            messages.decrementAndGet();
            bytes.addAndGet(-entry.bytes);
            entry.completeExceptionally(new SendOverflowException(String.format(
                    "Send queue of session %s is full: %d messages, %d bytes queued with this one "
                            + "(limits %d messages, %d bytes). The client reads slower than the server writes.",
                    sessionId, queuedMessages, queuedBytes, limits.maxMessages(), limits.maxBytes())));
            overflowListener.overflowed();
            return entry;
        }
        queue.add(entry);
        if (closedBecause != null) {
            failQueued(); // close raced with this offer: do not leave the entry hanging
        } else {
            drain();
        }
        return entry;
    }

    /** Bytes offered and not yet handed to the socket. */
    long bufferedBytes() {
        return Math.max(0, bytes.get());
    }

    /** Refuses later offers and fails every queued entry; the entry being written completes on its own. */
    void close(String because) {
        closedBecause = because;
        failQueued();
    }

    private void drain() {
        while (!queue.isEmpty() && writing.compareAndSet(false, true)) {
            Outbound next = queue.poll();
            if (next == null) {
                writing.set(false);
            } else if (!write(next)) {
                return; // the send's completion continues draining
            }
        }
    }

    /** Writes one entry as the writer; returns whether it completed already, so the caller keeps the role. */
    private boolean write(Outbound entry) {
        if (closeWritten) {
            finished(entry, new SessionClosedException(closedMessage()));
            writing.set(false);
            return true;
        }
        closeWritten = entry.isClose();
        sendPhase.set(STARTING);
        try {
            entry.start(transport, failure -> completed(entry, failure));
        } catch (RuntimeException e) {
            completed(entry, e);
        }
        if (sendPhase.compareAndSet(STARTING, FINISHING_LATER)) {
            return false;
        }
        writing.set(false);
        return true;
    }

    private void completed(Outbound entry, Throwable failure) {
        finished(entry, failure);
        if (!sendPhase.compareAndSet(STARTING, FINISHED_INLINE)) {
            writing.set(false);
            drain();
        }
    }

    private void finished(Outbound entry, Throwable failure) {
        messages.decrementAndGet();
        bytes.addAndGet(-entry.bytes);
        if (failure == null) {
            entry.complete(null);
        } else {
            entry.completeExceptionally(failure);
        }
    }

    private void failQueued() {
        for (Outbound entry; (entry = queue.poll()) != null; ) {
            finished(entry, new SessionClosedException(closedMessage()));
        }
    }

    private String closedMessage() {
        String because = closedBecause;
        return "Session " + sessionId + " is closed" + (because == null ? "" : ": " + because)
                + "; the message was not sent.";
    }
}
