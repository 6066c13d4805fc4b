package dev.switchboard.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the connections of one load run report as it goes: messages received (for the per-second rate), and
 * anything that makes a run invalid, with the first few details kept for the report.
 */
public final class LoadEvents {

    private static final int DETAILS_KEPT = 10;

    private final LongAdder received = new LongAdder();
    private final AtomicInteger mismatches = new AtomicInteger();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong outOfOrder = new AtomicLong();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger unexpectedCloses = new AtomicInteger();
    private final List<String> details = new ArrayList<>();

    /** A message the load counts arrived: an echo, a broadcast delivery. */
    void received() {
        received.increment();
    }

    void mismatch(int connection, String what) {
        mismatches.incrementAndGet();
        detail("connection " + connection + ": mismatch: " + what);
    }

    /** Messages that never came, though later ones did (or, after the load, never came at all). */
    void lost(int connection, long messages, String what) {
        lost.addAndGet(messages);
        detail("connection " + connection + ": " + what);
    }

    /** A message that came after a later one. */
    void outOfOrder(int connection, String what) {
        outOfOrder.incrementAndGet();
        detail("connection " + connection + ": out of order: " + what);
    }

    public void error(int connection, Throwable error) {
        errors.incrementAndGet();
        detail("connection " + connection + ": error: " + error);
    }

    void unexpectedClose(int connection, int code, String reason) {
        unexpectedCloses.incrementAndGet();
        detail("connection " + connection + ": closed by the server with " + code
                + (reason == null || reason.isEmpty() ? "" : " '" + reason + "'"));
    }

    /** Something the run itself noticed, such as a connection that did not drain. */
    public void problem(String what) {
        detail(what);
    }

    /** Messages that never came, counted so far. */
    public long lostCount() {
        return lost.get();
    }

    public long receivedCount() {
        return received.sum();
    }

    /**
     * Adds to a round's problems one line per kind of event that makes it invalid, then, if there is any
     * problem, the details kept.
     *
     * @param problems the round's problems so far
     * @param lostWhat what a lost message is, for its line, e.g. "messages got no echo while later ones did"
     */
    public void addProblems(List<String> problems, String lostWhat) {
        if (mismatches.get() > 0) {
            problems.add(mismatches.get() + " messages differed from what was sent");
        }
        if (lost.get() > 0) {
            problems.add(lost.get() + " " + lostWhat);
        }
        if (outOfOrder.get() > 0) {
            problems.add(outOfOrder.get() + " messages arrived after a later one");
        }
        if (errors.get() > 0) {
            problems.add(errors.get() + " connection errors");
        }
        if (unexpectedCloses.get() > 0) {
            problems.add(unexpectedCloses.get() + " connections closed by the server during the load");
        }
        if (!problems.isEmpty()) {
            problems.addAll(details());
        }
    }

    synchronized List<String> details() {
        return List.copyOf(details);
    }

    private synchronized void detail(String line) {
        if (details.size() < DETAILS_KEPT) {
            details.add(line);
        } else if (details.size() == DETAILS_KEPT) {
            details.add("... (more left out)");
        }
    }
}
