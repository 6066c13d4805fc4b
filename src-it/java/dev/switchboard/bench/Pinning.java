package dev.switchboard.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * CPU pinning with {@code taskset} (util-linux): the load generator on CPU 0, every server on CPU 1, so that
 * the two never take each other's core and each one's CPU use is its own. Off when {@code taskset} is not on
 * the PATH, the machine has fewer than two cores, or it was not wanted; the benchmark then runs unpinned and
 * says so.
 */
final class Pinning {

    private static final String GENERATOR_CPU = "0";
    private static final String SERVER_CPU = "1";

    private final boolean enabled;
    private final String why;

    private Pinning(boolean enabled, String why) {
        this.enabled = enabled;
        this.why = why;
    }

    /** Pinning if wanted and possible here, with the reason if not. */
    static Pinning detect(boolean wanted, int cores) {
        if (!wanted) {
            return new Pinning(false, "not pinned (-Dpin=false)");
        }
        if (cores < 2) {
            return new Pinning(false, "not pinned: " + cores + " core");
        }
        if (!onPath("taskset")) {
            return new Pinning(false, "not pinned: no taskset on the PATH");
        }
        return new Pinning(true, "generator pinned to CPU " + GENERATOR_CPU + ", servers to CPU " + SERVER_CPU
                + " (taskset)");
    }

    /** What to put before a server's java command. */
    List<String> serverPrefix() {
        return enabled ? List.of("taskset", "-c", SERVER_CPU) : List.of();
    }

    /**
     * Pins every thread of this JVM to the generator's CPU; threads started later inherit it.
     *
     * @return a line saying how generator and servers run
     */
    String pinThisProcess() {
        if (!enabled) {
            return why;
        }
        try {
            Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", GENERATOR_CPU,
                    Long.toString(ProcessHandle.current().pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (taskset.waitFor(10, TimeUnit.SECONDS) && taskset.exitValue() == 0) {
                return why;
            }
            taskset.destroyForcibly();
            return "generator not pinned (taskset failed); " + why.replace("generator pinned to CPU 0, ", "");
        } catch (IOException e) {
            return "generator not pinned (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "generator not pinned (interrupted)";
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
