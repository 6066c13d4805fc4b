package dev.switchboard.bench;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A benchmark's main run in quick mode, in a JVM of its own as its exec command runs it, for the tests that keep
 * the benchmarks runnable: they check the table and the verdict, never a figure.
 */
final class QuickRun {

    private QuickRun() {
    }

    /**
     * Runs the benchmark with {@code -Dquick=true} and the given settings, and checks that it ended in time with
     * exit code 0 and printed a table that says every round was valid.
     *
     * @param settings more {@code -Dname=value} options
     * @return the table, from its heading to the end of the output
     */
    static String table(Class<?> main, List<String> settings, Duration timeout) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Dquick=true"));
        command.addAll(settings);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        Process bench = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(bench.getInputStream()));
        if (!bench.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            bench.destroyForcibly();
            fail("The quick benchmark did not end within " + timeout.toSeconds() + " s; it printed:\n"
                    + output.getNow(""));
        }
        String printed = output.get(10, TimeUnit.SECONDS);
        assertEquals(0, bench.exitValue(), "exit code; the run printed:\n" + printed);
        String table = printed.substring(printed.indexOf("Medians over rounds"));
        assertTrue(table.contains("ratio") && table.contains("target") && table.contains("met"), table);
        assertTrue(table.contains("VALID: "), table);
        return table;
    }

    /** Whether a line of the table starts with the given text. */
    static boolean hasRow(String table, String start) {
        return table.lines().anyMatch(line -> line.startsWith(start));
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
