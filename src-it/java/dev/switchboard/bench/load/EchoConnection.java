package dev.switchboard.bench.load;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * One load-generating connection: keeps a fixed number of text messages outstanding, sending a new one as
 * each echo arrives, checks every echo against what was sent, and records round-trip times during the
 * measurement window.
 *
 * <p>Echoes arrive in the order the messages were sent, so the outstanding messages and their send times sit
 * in a FIFO ring. One send is in progress at a time, so that a message is stamped when the socket takes it
 * and a wait behind this connection's own previous send is not counted: messages issued meanwhile wait in a
 * backlog and are sent from its completion (which is at once unless the socket is full). The window's state
 * is guarded by this object's monitor, which only this connection's listener and send completions take, so
 * it is hardly ever contended.
 */
public final class EchoConnection extends MeasuredConnection {

    private final int window;
    private final EchoTexts texts;

    /** Completed when, after {@link #stop()}, every outstanding message was echoed. */
    private final CompletableFuture<Void> drained = new CompletableFuture<>();

    private final long[] sentAt;
    private final String[] sentText;
    private int ringHead;
    private int ringSize;
    private final ArrayDeque<String> backlog = new ArrayDeque<>();
    private boolean sending;
    private long nextSeq;
    private boolean stopping;

    public EchoConnection(int id, int window, EchoTexts texts, LoadEvents events) {
        super(id, events);
        this.window = window;
        this.texts = texts;
        this.sentAt = new long[window];
        this.sentText = new String[window];
    }

    // ---- driven by the load run

    /** Issues the first window of messages on the open socket. */
    public void start() {
        String first;
        synchronized (this) {
            for (int i = 0; i < window; i++) {
                backlog.add(newMessage());
            }
            first = takeNextToSend();
        }
        transmit(first);
    }

    /** Sends nothing new; {@link #drained()} completes once the outstanding messages are back. */
    public void stop() {
        synchronized (this) {
            stopping = true;
            if (outstanding() > 0) {
                return;
            }
        }
        drained.complete(null);
    }

    public CompletableFuture<Void> drained() {
        return drained;
    }

    public synchronized int outstanding() {
        return ringSize + backlog.size();
    }

    // ---- called by the listener

    @Override
    void received(String text, long receivedNanos) {
        echoReceived(text, receivedNanos);
    }

    @Override
    void ended() {
        drained.complete(null);
    }

    // ---- the message window

    private void echoReceived(String text, long now) {
        String next;
        boolean nowDrained = false;
        synchronized (this) {
            if (ringSize == 0) {
                events.mismatch(id, "an echo with nothing outstanding: " + abbreviate(text));
                return;
            }
            skipLost(text);
            String expected = sentText[ringHead];
            long startedAt = sentAt[ringHead];
            sentText[ringHead] = null;
            ringHead = (ringHead + 1) % window;
            ringSize--;
            if (!expected.equals(text)) {
                events.mismatch(id, "sent " + abbreviate(expected) + " got " + abbreviate(text));
            }
            record(now - startedAt);
            if (!stopping) {
                backlog.add(newMessage());
            }
            next = takeNextToSend();
            nowDrained = stopping && outstanding() == 0;
        }
        events.received();
        transmit(next);
        if (nowDrained) {
            drained.complete(null);
        }
    }

    /**
     * Under the monitor: if the echo is of a later outstanding message than the oldest, the ones before it were
     * lost; count them and drop them, so one lost message does not turn every later echo into a mismatch.
     */
    private void skipLost(String text) {
        for (int skip = 1; skip < ringSize; skip++) {
            if (text.equals(sentText[(ringHead + skip) % window])) {
                for (int i = 0; i < skip; i++) {
                    events.lost(id, 1, "no echo of " + abbreviate(sentText[ringHead])
                            + "; a later message's came first");
                    sentText[ringHead] = null;
                    ringHead = (ringHead + 1) % window;
                    ringSize--;
                }
                return;
            }
        }
    }

    /** Under the monitor: the next message to send if no send is in progress, stamped and moved to the ring. */
    private String takeNextToSend() {
        if (sending || backlog.isEmpty()) {
            return null;
        }
        String message = backlog.poll();
        int slot = (ringHead + ringSize) % window;
        sentText[slot] = message;
        // Stamped when handed to the socket, so a wait behind our own previous send is not counted.
        sentAt[slot] = System.nanoTime();
        ringSize++;
        sending = true;
        return message;
    }

    private void transmit(String message) {
        if (message == null) {
            return;
        }
        socket().sendText(message).whenComplete((ws, failure) -> sent(failure));
    }

    private void sent(Throwable failure) {
        if (failure != null) {
            events.error(id, failure);
            drained.complete(null);
            return;
        }
        String next;
        synchronized (this) {
            sending = false;
            next = takeNextToSend();
        }
        transmit(next);
    }

    /** A message unique across connections and rounds of this connection. */
    private String newMessage() {
        return texts.text(id, nextSeq++);
    }
}
