package dev.switchboard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the connections of one load run report as it goes: echoes (for the per-second rate), and anything
 * that makes a run invalid, with the first few details kept for the report.
 */
final class LoadEvents {

    private static final int DETAILS_KEPT = 10;

    private final LongAdder echoes = new LongAdder();
    private final AtomicInteger mismatches = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger unexpectedCloses = new AtomicInteger();
    private final List<String> details = new ArrayList<>();

    void echoed() {
        echoes.increment();
    }

    void mismatch(int connection, String what) {
        mismatches.incrementAndGet();
        detail("connection " + connection + ": mismatch: " + what);
    }

    /** A message whose echo never came, though the echo of a later one did. */
    void lost(int connection, String message) {
        lost.incrementAndGet();
        detail("connection " + connection + ": no echo of '" + message + "'; a later message's came first");
    }

    void error(int connection, Throwable error) {
        errors.incrementAndGet();
        detail("connection " + connection + ": error: " + error);
    }

    void unexpectedClose(int connection, int code, String reason) {
        unexpectedCloses.incrementAndGet();
        detail("connection " + connection + ": closed by the server with " + code
                + (reason == null || reason.isEmpty() ? "" : " '" + reason + "'"));
    }

    /** Something the run itself noticed, such as a connection that did not drain. */
    void problem(String what) {
        detail(what);
    }

    long echoes() {
        return echoes.sum();
    }

    int mismatches() {
        return mismatches.get();
    }

    int lost() {
        return lost.get();
    }

    int errors() {
        return errors.get();
    }

    int unexpectedCloses() {
        return unexpectedCloses.get();
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
