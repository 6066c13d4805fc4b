package dev.switchboard.bench.server;

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
public final class Pinning {

    private static final String GENERATOR_CPU = "0";
    private static final String SERVER_CPU = "1";

    private final boolean enabled;
    private final String why;
    private final int cores;
    private boolean generatorPinned;

    private Pinning(boolean enabled, String why, int cores) {
        this.enabled = enabled;
        this.why = why;
        this.cores = cores;
    }

    /** Pinning if wanted and possible here, with the reason if not. */
    public static Pinning detect(boolean wanted, int cores) {
        if (!wanted) {
            return new Pinning(false, "not pinned (-Dpin=false)", cores);
        }
        if (cores < 2) {
            return new Pinning(false, "not pinned: " + cores + " core", cores);
        }
        if (!onPath("taskset")) {
            return new Pinning(false, "not pinned: no taskset on the PATH", cores);
        }
        return new Pinning(true, "generator pinned to CPU " + GENERATOR_CPU + ", servers to CPU " + SERVER_CPU
                + " (taskset)", cores);
    }

    /** What to put before a server's java command, so it runs pinned from its first instruction. */
    public List<String> serverPrefix() {
        return enabled ? List.of("taskset", "-c", SERVER_CPU) : List.of();
    }

    /**
     * Pins every thread of a server that something else launched (Tomcat, by the container harness); threads
     * it starts later inherit it.
     *
     * @return whether it is pinned
     */
    public boolean pinServer(long pid) {
        return enabled && taskset(SERVER_CPU, pid);
    }

    /**
     * Pins every thread of this JVM, the generator, to its CPU; threads started later inherit it.
     *
     * @return a line saying how generator and servers run
     */
    public String pinThisProcess() {
        if (!enabled) {
            return why;
        }
        generatorPinned = taskset(GENERATOR_CPU, ProcessHandle.current().pid());
        return generatorPinned ? why : "generator not pinned (taskset failed); servers pinned to CPU " + SERVER_CPU;
    }

    /** The cores the generator may use: its one CPU once pinned, else all. */
    public int generatorCores() {
        return generatorPinned ? 1 : cores;
    }

    private static boolean taskset(String cpu, long pid) {
        try {
            Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpu, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (taskset.waitFor(10, TimeUnit.SECONDS) && taskset.exitValue() == 0) {
                return true;
            }
            taskset.destroyForcibly();
            return false;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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
