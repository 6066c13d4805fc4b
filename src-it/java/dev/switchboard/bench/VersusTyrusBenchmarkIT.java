package dev.switchboard.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the README's benchmark compiling and runnable: the whole of {@link VersusTyrusBenchmark}, every case,
 * in quick mode with tiny numbers, in a JVM of its own as its command runs it. Checks that every round was
 * valid and that the table has a row for every case; it asserts no speed figure.
 */
class VersusTyrusBenchmarkIT {

    private static final List<String> ROWS = List.of("1 echo:", "2 latency:", "3 large:", "4 broadcast:",
            "5 memory:", "  RSS growth", "6 connect:", "7 startup:", "8 heartbeat:");

    @Test
    void quickRunPrintsTheTableWithEveryCase() throws Exception {
        String table = QuickRun.table(VersusTyrusBenchmark.class, List.of("-Dconnections=4", "-Dsubscribers=10",
                "-DidleConnections=50", "-DlargeConnections=1"), Duration.ofSeconds(120));
        for (String row : ROWS) {
            assertTrue(QuickRun.hasRow(table, row), "no row " + row + " in\n" + table);
        }
        assertTrue(table.lines().anyMatch(line -> line.contains("tyrus-broadcast")), table);
        assertTrue(table.lines().anyMatch(line -> line.startsWith("8 heartbeat:") && line.contains("even spread")),
                table);
    }
}
