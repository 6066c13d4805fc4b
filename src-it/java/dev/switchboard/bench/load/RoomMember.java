package dev.switchboard.bench.load;

import java.util.concurrent.CompletableFuture;

/**
 * One connection to the chat room of the broadcast case: a subscriber, or the publisher receiving its
 * own copies. It checks that the published messages arrive in order, once, unchanged in length, counts the
 * gaps, and, as a subscriber, records the delivery latency (receive time minus the send time the message
 * carries; the publisher is in the same JVM, so it is one clock) and accounts for each message in the
 * {@link PublishWindow}.
 *
 * <p>Messages are {@code M<seq> <sendNanos> } padded to the message size; probes, sent before the load to
 * prove every subscriber is in the room, are {@code P}. The order state is guarded by this object's
 * monitor, taken by this connection's listener and, briefly, by the run.
 */
public final class RoomMember extends MeasuredConnection {

    private final int messageSize;
    /** False for the publisher: its own copies do not count as deliveries. */
    private final boolean subscriber;
    /** Set before anything is published; the publisher has none. */
    private volatile PublishWindow window;

    /** Completed when the first probe arrived. */
    private final CompletableFuture<Void> probed = new CompletableFuture<>();

    private long expected;

    private RoomMember(int id, int messageSize, boolean subscriber, LoadEvents events) {
        super(id, events);
        this.messageSize = messageSize;
        this.subscriber = subscriber;
    }

    public static RoomMember subscriber(int id, int messageSize, LoadEvents events) {
        return new RoomMember(id, messageSize, true, events);
    }

    /** The publisher's connection, whose copies of its messages are checked, not counted as deliveries. */
    public static RoomMember publisher(int id, int messageSize, LoadEvents events) {
        return new RoomMember(id, messageSize, false, events);
    }

    /** The window this subscriber accounts for messages in; before the first message is published. */
    public void accountIn(PublishWindow publishWindow) {
        window = publishWindow;
    }

    /** The message with this sequence number and send time, padded to the size. */
    public static String message(long seq, long sentNanos, int size) {
        StringBuilder text = new StringBuilder(size);
        text.append('M').append(seq).append(' ').append(sentNanos).append(' ');
        for (int i = text.length(); i < size; i++) {
            text.append((char) ('a' + i % 26));
        }
        return text.toString();
    }

    public CompletableFuture<Void> probed() {
        return probed;
    }

    /**
     * After the load: counts as lost the messages up to {@code lastSeq} that never came.
     *
     * @return how many
     */
    public long checkReceivedUpTo(long lastSeq) {
        long missing;
        long from;
        synchronized (this) {
            from = expected;
            missing = lastSeq + 1 - expected;
            if (missing <= 0) {
                return 0;
            }
            expected = lastSeq + 1;
        }
        events.lost(id, missing, (subscriber ? "messages " : "publisher's own copies ") + from + "-" + lastSeq
                + " never arrived");
        if (subscriber) {
            for (long seq = from; seq <= lastSeq; seq++) {
                window.accountedFor(seq);
            }
        }
        return missing;
    }

    @Override
    void received(String text, long receivedNanos) {
        if (text.equals("P")) {
            probed.complete(null);
            return;
        }
        long seq;
        long sentNanos;
        try {
            int space = text.indexOf(' ');
            int end = text.indexOf(' ', space + 1);
            if (text.length() != messageSize || text.charAt(0) != 'M' || space < 0 || end < 0) {
                throw new NumberFormatException();
            }
            seq = Long.parseLong(text, 1, space, 10);
            sentNanos = Long.parseLong(text, space + 1, end, 10);
        } catch (NumberFormatException e) {
            events.mismatch(id, "not a published message: " + abbreviate(text));
            return;
        }
        long from;
        synchronized (this) {
            if (seq < expected) {
                events.outOfOrder(id, "message " + seq + " after " + (expected - 1));
                return;
            }
            from = expected;
            expected = seq + 1;
            if (subscriber) {
                record(receivedNanos - sentNanos);
            }
        }
        if (seq > from) {
            events.lost(id, seq - from, (subscriber ? "messages " : "publisher's own copies ") + from
                    + (seq - 1 > from ? "-" + (seq - 1) : "") + " skipped: " + seq + " came next");
        }
        if (subscriber) {
            events.received();
            for (long skipped = from; skipped <= seq; skipped++) {
                window.accountedFor(skipped);
            }
        }
    }
}
