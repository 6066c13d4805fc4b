package dev.switchboard.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU use of a process over a measurement window, in cores, with its busiest thread: a process well under one
 * core whose busiest thread is near one core is bottlenecked on that thread all the same.
 */
public final class CpuMeter {

    private static final long NANOS_PER_TICK = 1_000_000_000L / 100; // USER_HZ is 100 on mainstream Linux
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * CPU use over a window.
     *
     * @param cores        the process's CPU time over the wall time, or -1 if unknown
     * @param busiestCores the busiest thread's share, or -1 if unknown
     * @param busiest      the busiest thread's name
     */
    public record Usage(double cores, double busiestCores, String busiest) {

        public static final Usage UNKNOWN = new Usage(-1, -1, "?");

        @Override
        public String toString() {
            return cores < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f (busiest thread %.2f %s)",
                    cores, busiestCores, busiest);
        }
    }

    /** CPU times at one moment: the process total and each thread's, by thread key. */
    public record Snapshot(long totalNanos, Map<String, Long> threadNanos, Map<String, String> threadNames) {

        public Usage until(Snapshot later, long wallNanos) {
            if (totalNanos < 0 || later.totalNanos < 0 || wallNanos <= 0) {
                return Usage.UNKNOWN;
            }
            long busiest = 0;
            String busiestName = "?";
            for (Map.Entry<String, Long> thread : later.threadNanos.entrySet()) {
                long used = thread.getValue() - threadNanos.getOrDefault(thread.getKey(), 0L);
                if (used > busiest) {
                    busiest = used;
                    busiestName = later.threadNames.get(thread.getKey());
                }
            }
            return new Usage((later.totalNanos - totalNanos) / (double) wallNanos, busiest / (double) wallNanos,
                    busiestName);
        }
    }

    private CpuMeter() {
    }

    /** This JVM, from its management beans. */
    public static Snapshot thisProcess() {
        Map<String, Long> times = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue; // ended since the ids were taken
            }
            long cpu = THREADS.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                String key = Long.toString(info.getThreadId());
                times.put(key, cpu);
                names.put(key, info.getThreadName());
            }
        }
        return new Snapshot(OS.getProcessCpuTime(), times, names);
    }

    /** Another process, from /proc (Linux only); a snapshot with a negative total where that is not available. */
    public static Snapshot otherProcess(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        Map<String, Long> times = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String key = task.getFileName().toString();
                    times.put(key, cpuNanos(stat));
                    names.put(key, stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
                } catch (IOException e) {
                    // The thread ended while we listed them.
                }
            }
            return new Snapshot(cpuNanos(Files.readString(proc.resolve("stat"))), times, names);
        } catch (IOException | RuntimeException e) {
            return new Snapshot(-1, Map.of(), Map.of());
        }
    }

    /** utime + stime of a /proc stat line. */
    private static long cpuNanos(String stat) {
        // The command name (field 2) may hold spaces: count fields from the ')' that ends it.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
    }
}
