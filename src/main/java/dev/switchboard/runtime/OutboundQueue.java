package dev.switchboard.runtime;

import dev.switchboard.OverflowAction;
import dev.switchboard.SendOverflowException;
import dev.switchboard.SendQueueLimits;
import dev.switchboard.SessionClosedException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

/**
 * A session's bounded outbound queue with a single writer.
 *
 * <p>Any thread may offer; whichever thread finds the writer idle becomes the writer and starts sends one
 * after another, each only once the previous completed. A send that completes asynchronously hands the
 * writer role to its completion callback. No thread ever waits for another, so neither a host I/O thread
 * nor an application thread blocks here, and the host never sees two sends at once.
 *
 * <p>A message written in parts ({@link PartMessage}) is one entry that keeps the writer role from its first
 * part to its last, so nothing else is sent between them. Its parts count against the byte limit as they are
 * handed over; their blocking writer waits for room in a {@link SendRoom}, which this queue signals whenever an
 * entry or part completes.
 */
final class OutboundQueue {

    /** Told of every message the limits kept from being sent, so the session can count it and act. */
    interface OverflowListener {
        /**
         * Messages were dropped, as {@code how} says, so that a closing action can close, and a message cut short
         * always does.
         */
        void dropped(int messages, Overflow how);
    }

    /** How messages were dropped. */
    enum Overflow {
        /** Older queued messages made room for a newer one ({@link OverflowAction#DROP_OLDEST}). */
        DROPPED_OLDEST,
        /** The newest write itself was refused (every other action). */
        REFUSED,
        /**
         * A message written in parts found no room for a part within the send timeout: what was sent of it cannot
         * be taken back, so the session must close whatever the action.
         */
        CUT_SHORT;

        /** Whether the session closes, under the route's overflow action. */
        boolean closes(OverflowAction action) {
            return this == CUT_SHORT || this == REFUSED
                    && (action == OverflowAction.CLOSE_SESSION || action == OverflowAction.CLOSE_TRY_AGAIN_LATER);
        }
    }

    private static final int STARTING = 0;
    private static final int FINISHED_INLINE = 1;
    private static final int FINISHING_LATER = 2;

    // Counters are volatile fields with updaters rather than atomic objects: every open session has a queue.
    private static final AtomicIntegerFieldUpdater<OutboundQueue> MESSAGES =
            AtomicIntegerFieldUpdater.newUpdater(OutboundQueue.class, "messages");
    private static final AtomicLongFieldUpdater<OutboundQueue> BYTES =
            AtomicLongFieldUpdater.newUpdater(OutboundQueue.class, "bytes");
    private static final AtomicIntegerFieldUpdater<OutboundQueue> WRITING =
            AtomicIntegerFieldUpdater.newUpdater(OutboundQueue.class, "writing");
    private static final AtomicIntegerFieldUpdater<OutboundQueue> SEND_PHASE =
            AtomicIntegerFieldUpdater.newUpdater(OutboundQueue.class, "sendPhase");

    private final String sessionId;
    private final Transport transport;
    private final SendQueueLimits limits;
    private final OverflowListener overflowListener;
    private final RouteEvents events;
    /** Whether anything reports the messages sent: only then is the time each took measured. */
    private final boolean reportsSent;

    private final ConcurrentLinkedQueue<Outbound> queue = new ConcurrentLinkedQueue<>();
    private final SendRoom room = new SendRoom();
    /** The entry being written, for the send timeout, for pings that may go between its parts, and for a close. */
    private volatile Outbound inFlight;
    /** Entries offered and not yet completed, including the one being written. */
    private volatile int messages;
    private volatile long bytes;
    /** 1 while a thread writes. */
    private volatile int writing;
    /** Whether the current send completed before {@code start} returned; one send is in flight at most. */
    private volatile int sendPhase;
    private volatile String closedBecause;
    /** When the send in flight started, for the send timeout; 0 while none is in flight. */
    private volatile long sendStartedNanos;
    /** Set by the writer once a close entry was written: later entries can only fail. */
    private boolean closeWritten;

    /**
     * @param events where the messages sent are reported
     */
    OutboundQueue(String sessionId, Transport transport, SendQueueLimits limits, OverflowListener overflowListener,
                  RouteEvents events) {
        this.sessionId = sessionId;
        this.transport = transport;
        this.limits = limits;
        this.overflowListener = overflowListener;
        this.events = events;
        this.reportsSent = events != RouteEvents.NONE;
    }

    /** Queues an entry within the limits, or fails it; returns the entry as the writer's future. */
    CompletableFuture<Void> offer(Outbound entry) {
        if (closedBecause != null) {
            entry.completeExceptionally(new SessionClosedException(closedMessage()));
            return entry;
        }
        if (reportsSent) {
            entry.offeredNanos = System.nanoTime();
        }
        int queuedMessages = MESSAGES.incrementAndGet(this);
        long queuedBytes = BYTES.addAndGet(this, entry.bytes);
        // A message offered to an empty queue always fits, so one large message is never refused alone.
        if (queuedMessages > 1 && exceeds(queuedMessages, queuedBytes)) {
            if (limits.onOverflow() == OverflowAction.DROP_OLDEST) {
                dropOldest();
            } else {
                MESSAGES.decrementAndGet(this);
                BYTES.addAndGet(this, -entry.bytes);
                entry.completeExceptionally(new SendOverflowException(String.format(
                        "Send queue of session %s is full: %d messages, %d bytes queued with this one "
                                + "(limits %d messages, %d bytes). The client reads slower than the server writes.",
                        sessionId, queuedMessages, queuedBytes, limits.maxMessages(), limits.maxBytes())));
                overflowListener.dropped(1, Overflow.REFUSED);
                return entry;
            }
        }
        return enqueue(entry);
    }

    /**
     * Offers a control frame (a heartbeat ping) that the limits do not refuse: it is tiny and must go out, between
     * the parts of a message written in parts if one is being written.
     */
    void offerControl(Outbound entry) {
        MESSAGES.incrementAndGet(this);
        BYTES.addAndGet(this, entry.bytes);
        Outbound current = inFlight;
        if (current == null || !current.interject(entry)) {
            enqueue(entry);
        }
    }

    private CompletableFuture<Void> enqueue(Outbound entry) {
        queue.add(entry);
        if (closedBecause != null) {
            failQueued(); // close raced with this offer: do not leave the entry hanging
        } else {
            drain();
        }
        return entry;
    }

    private boolean exceeds(int queuedMessages, long queuedBytes) {
        return queuedMessages > limits.maxMessages() || queuedBytes > limits.maxBytes();
    }

    /** Drops the oldest queued entries until the newest fits or only the one in flight is left. */
    private void dropOldest() {
        int dropped = 0;
        while (exceeds(messages, bytes)) {
            Outbound oldest = queue.poll();
            if (oldest == null) {
                break;
            }
            finished(oldest, new SendOverflowException("Send queue of session " + sessionId
                    + " is full: the oldest queued message was dropped to make room for a newer one."));
            dropped++;
        }
        if (dropped > 0) {
            overflowListener.dropped(dropped, Overflow.DROPPED_OLDEST);
        }
    }

    /** How long the send in flight has been waiting for the client, in nanoseconds; 0 if none waits. */
    long stalledNanos(long nowNanos) {
        Outbound current = inFlight;
        long started = current == null ? 0 : current.waitingSince(sendStartedNanos);
        return started == 0 ? 0 : nowNanos - started;
    }

    /** Entries offered and not yet handed to the socket, the one being written included. */
    int queuedMessages() {
        return Math.max(0, messages);
    }

    /** Bytes offered and not yet handed to the socket. */
    long bufferedBytes() {
        return Math.max(0, bytes);
    }

    /**
     * Refuses later offers and fails every queued entry; the entry being written completes on its own.
     *
     * @return how many queued messages will not be sent
     */
    int close(String because) {
        closedBecause = because;
        Outbound current = inFlight;
        if (current != null) {
            current.queueClosed(new SessionClosedException(closedMessage()));
        }
        int failed = failQueued();
        room.signal();
        return failed;
    }

    // ---- for messages written in parts

    /** Where writers of parts wait for room. */
    SendRoom room() {
        return room;
    }

    /** Whether a part of so many bytes fits now: within the byte limit, or into a queue that holds no bytes. */
    boolean fits(long partBytes) {
        long queued = bytes;
        return queued <= 0 || queued + partBytes <= limits.maxBytes();
    }

    /** Counts a part handed over; it is released as it completes ({@link #finishedAside}). */
    void countPart(long partBytes) {
        BYTES.addAndGet(this, partBytes);
    }

    /** Whether the queue refuses everything now. */
    boolean isClosed() {
        return closedBecause != null;
    }

    /** Whether the calling thread may wait for room, which the sends of this connection make. */
    boolean mayWait() {
        return transport.mayWait();
    }

    /** How long a writer of parts may wait for room, in nanoseconds; 0 for no limit. */
    long sendTimeoutNanos() {
        return limits.sendTimeout().toNanos();
    }

    /** A message written in parts was cut short for want of room: counts it, and the session closes. */
    void cutShort() {
        overflowListener.dropped(1, Overflow.CUT_SHORT);
    }

    /** Completes a part, or a control frame sent between parts, that the entry being written sent itself. */
    void finishedAside(Outbound entry, Throwable failure) {
        finished(entry, failure);
    }

    private void drain() {
        while (!queue.isEmpty() && WRITING.compareAndSet(this, 0, 1)) {
            Outbound next = queue.poll();
            if (next == null) {
                writing = 0;
            } else if (!write(next)) {
                return; // the send's completion continues draining
            }
        }
    }

    /** Writes one entry as the writer; returns whether it completed already, so the caller keeps the role. */
    private boolean write(Outbound entry) {
        if (closeWritten) {
            finished(entry, new SessionClosedException(closedMessage()));
            writing = 0;
            return true;
        }
        closeWritten = entry.isClose();
        sendPhase = STARTING;
        sendStartedNanos = System.nanoTime();
        inFlight = entry;
        try {
            transport.nextQueued(!queue.isEmpty());
            entry.start(transport, failure -> completed(entry, failure));
        } catch (RuntimeException e) {
            completed(entry, e);
        }
        if (SEND_PHASE.compareAndSet(this, STARTING, FINISHING_LATER)) {
            return false;
        }
        writing = 0;
        return true;
    }

    private void completed(Outbound entry, Throwable failure) {
        sendStartedNanos = 0;
        inFlight = null;
        if (failure == null && reportsSent && entry.kind != Outbound.Kind.CONTROL) {
            events.sent(entry.kind == Outbound.Kind.TEXT, entry.sentBytes(), System.nanoTime() - entry.offeredNanos);
        }
        finished(entry, failure);
        if (!SEND_PHASE.compareAndSet(this, STARTING, FINISHED_INLINE)) {
            writing = 0;
            drain();
        }
    }

    private void finished(Outbound entry, Throwable failure) {
        if (entry.countsAsMessage()) {
            MESSAGES.decrementAndGet(this);
        }
        BYTES.addAndGet(this, -entry.bytes);
        room.signal();
        if (failure == null) {
            entry.complete(null);
        } else {
            entry.completeExceptionally(failure);
        }
    }

    private int failQueued() {
        int failed = 0;
        for (Outbound entry; (entry = queue.poll()) != null; failed++) {
            finished(entry, new SessionClosedException(closedMessage()));
        }
        return failed;
    }

    private String closedMessage() {
        String because = closedBecause;
        return "Session " + sessionId + " is closed" + (because == null ? "" : ": " + because)
                + "; the message was not sent.";
    }
}
