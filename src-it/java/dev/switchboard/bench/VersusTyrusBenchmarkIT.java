package dev.switchboard.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps the README's benchmark compiling and runnable: the whole of {@link VersusTyrusBenchmark}, every case,
 * in quick mode with tiny numbers, in a JVM of its own as its command runs it. Checks that every round was
 * valid and that the table has a row for every case; it asserts no speed figure.
 */
class VersusTyrusBenchmarkIT {

    private static final List<String> ROWS = List.of("1 echo:", "2 latency:", "3 large:", "4 broadcast:",
            "5 memory:", "6 connect:", "7 startup:");

    @Test
    void quickRunPrintsTheTableWithEveryCase() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process bench = new ProcessBuilder(java, "-Dquick=true", "-Dconnections=4", "-Dsubscribers=10",
                "-DidleConnections=50", "-DlargeConnections=1", "-cp", System.getProperty("java.class.path"),
                VersusTyrusBenchmark.class.getName())
                .redirectErrorStream(true)
                .start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(bench.getInputStream()));
        if (!bench.waitFor(90, TimeUnit.SECONDS)) {
            bench.destroyForcibly();
            fail("The quick benchmark did not end within 90 s; it printed:\n" + output.getNow(""));
        }
        String printed = output.get(10, TimeUnit.SECONDS);
        assertEquals(0, bench.exitValue(), "exit code; the run printed:\n" + printed);
        String table = printed.substring(printed.indexOf("Medians over rounds"));
        assertTrue(table.contains("ratio") && table.contains("target") && table.contains("met"), table);
        for (String row : ROWS) {
            assertTrue(table.lines().anyMatch(line -> line.startsWith(row)), "no row " + row + " in\n" + table);
        }
        assertTrue(table.lines().anyMatch(line -> line.contains("tyrus-broadcast")), table);
        assertTrue(table.contains("VALID: "), table);
    }

    private static String readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
