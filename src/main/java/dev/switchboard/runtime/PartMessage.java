package dev.switchboard.runtime;

import dev.switchboard.SendOverflowException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A message written in parts: one entry of the session's {@link OutboundQueue}, in the place it was offered, whose
 * parts are handed over by a blocking writer ({@link PartWriter}, {@link PartStream}) as it goes.
 *
 * <p>Once the queue's writer reaches the entry, the entry keeps the writer role until its last part was sent: it
 * sends each part as the previous one completed, and only heartbeat pings between them. Whatever was written to
 * the session after the message was opened goes out after its last part.
 *
 * <p>The writer hands a part over and returns; it waits only for room under the byte limit, which completions on
 * other threads free, and never for a send. A part always fits when the message is being written and has nothing
 * else pending, so two messages open at once cannot hold each other's room. On a thread that may not wait (a
 * host I/O thread that would have to complete the sends itself) parts are queued whatever the limit, as a single
 * large message offered to an empty queue is.
 */
final class PartMessage extends Outbound {

    private final OutboundQueue queue;
    /** Told of each part sent, which keeps the session from its idle timeout. */
    private final Runnable activity;
    /** The turns to take at sending; whoever raises it from 0 sends, until it is back at 0. */
    private final AtomicInteger turns = new AtomicInteger();

    // Guarded by this.
    /** Parts handed over, and pings to send between them first, not yet started. */
    private final ArrayDeque<Outbound> pending = new ArrayDeque<>();
    /** Set when the queue's writer reaches the entry. */
    private Transport transport;
    private Consumer<Throwable> done;
    private boolean sending;
    private boolean lastHandedOver;
    private boolean ended;
    /** Written under the lock, read without it by the writer's checks. */
    private volatile Throwable failure;
    private long totalBytes;

    /** When the part in flight started, for the send timeout; 0 while the message waits for its writer. */
    private volatile long partStartedNanos;

    PartMessage(boolean text, OutboundQueue queue, Runnable activity) {
        super(0, text ? Kind.TEXT : Kind.BINARY);
        this.queue = queue;
        this.activity = activity;
        whenComplete((ignored, failed) -> {
            if (failed != null) {
                abort(failed); // refused, dropped or failed while queued: release what was handed over
            }
        });
    }

    // ---- the writer's side

    /**
     * Hands a part over, waiting while it does not fit under the byte limit, at most the send timeout.
     *
     * @param part a part made by {@link Outbound#textPart} or {@link Outbound#binaryPart} of the message's kind
     * @param last whether it ends the message
     * @throws IOException if the message failed, or the part found no room in time (cause
     *                     {@link SendOverflowException}); the session then closes, the message being cut short
     */
    void handOver(Outbound part, boolean last) throws IOException {
        throwIfFailed();
        awaitRoom(part.bytes);
        synchronized (this) {
            if (failure == null) {
                pending.add(part);
                totalBytes += part.bytes;
                lastHandedOver = last;
                part = null;
            }
        }
        if (part != null) {
            queue.finishedAside(part, failure());
            throwIfFailed();
        }
        pump();
    }

    private void awaitRoom(long bytes) throws IOException {
        if (!queue.fits(bytes) && queue.mayWait()) {
            boolean room;
            try {
                room = queue.room().await(() -> failure() != null || queue.isClosed() || alwaysFits()
                        || queue.fits(bytes), queue.sendTimeoutNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw cutShort(new InterruptedIOException("Interrupted while waiting for room in the send queue"));
            }
            Throwable failed = failure();
            if (!room || failed != null || queue.isClosed()) {
                // Also when the session closed meanwhile, most often for the same slow client's send timeout.
                SendOverflowException overflow = new SendOverflowException("The send queue stayed full "
                        + (room ? "until the message failed" : "for the send timeout") + " while a message written "
                        + "in parts waited for room for its next part of " + bytes + " bytes: the client reads "
                        + "slower than the server writes. The session closes, since what was sent of the message "
                        + "cannot be taken back.");
                if (failed != null) {
                    overflow.initCause(failed);
                }
                throw cutShort(overflow);
            }
        }
        queue.countPart(bytes);
    }

    /** A part of the message being written, with nothing else of it pending, never waits: it goes out next. */
    private synchronized boolean alwaysFits() {
        return transport != null && !sending && pending.isEmpty();
    }

    private IOException cutShort(Throwable cause) {
        abort(cause);
        queue.cutShort();
        pump();
        return cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
    }

    /** Fails a write to a message that failed: it cannot be sent any more. */
    void throwIfFailed() throws IOException {
        Throwable failed = failure;
        if (failed != null) {
            throw new IOException(failed.getMessage(), failed);
        }
    }

    private Throwable failure() {
        return failure;
    }

    // ---- the queue's side

    @Override
    void start(Transport transport, Consumer<Throwable> done) {
        synchronized (this) {
            this.transport = transport;
            this.done = done;
        }
        queue.room().signal(); // a waiting part may now always fit
        pump();
    }

    @Override
    boolean interject(Outbound control) {
        synchronized (this) {
            if (transport == null || ended || failure != null) {
                return false;
            }
            pending.addFirst(control);
        }
        pump();
        return true;
    }

    @Override
    void queueClosed(Throwable failure) {
        abort(failure);
        pump();
    }

    @Override
    long waitingSince(long startedNanos) {
        return partStartedNanos;
    }

    @Override
    long sentBytes() {
        synchronized (this) {
            return totalBytes;
        }
    }

    /** Fails the message: what is pending is dropped; the part in flight, if any, completes on its own. */
    private void abort(Throwable cause) {
        List<Outbound> dropped;
        synchronized (this) {
            if (failure == null) {
                failure = cause;
            }
            dropped = new ArrayList<>(pending);
            pending.clear();
        }
        for (Outbound entry : dropped) {
            queue.finishedAside(entry, cause);
        }
        queue.room().signal();
    }

    // ---- sending, one part at a time

    private void pump() {
        if (turns.getAndIncrement() == 0) {
            do {
                sendNext();
            } while (turns.decrementAndGet() != 0);
        }
    }

    /** Starts the next part, or ends the message; a send completing inline takes another turn, not a deeper call. */
    private void sendNext() {
        Outbound next;
        Throwable outcome;
        synchronized (this) {
            if (transport == null || sending || ended) {
                return;
            }
            next = pending.poll();
            outcome = failure;
            if (next != null) {
                sending = true;
            } else if (outcome != null || lastHandedOver) {
                ended = true;
            } else {
                return; // waiting for the writer's next part
            }
        }
        if (next == null) {
            done.accept(outcome);
            return;
        }
        partStartedNanos = System.nanoTime();
        try {
            next.start(transport, failed -> sent(next, failed));
        } catch (RuntimeException e) {
            sent(next, e);
        }
    }

    private void sent(Outbound part, Throwable failed) {
        partStartedNanos = 0;
        if (failed != null && part.kind != Kind.CONTROL) {
            abort(failed); // the rest of the message cannot follow
        }
        synchronized (this) {
            sending = false;
        }
        activity.run();
        queue.finishedAside(part, failed);
        pump();
    }
}
