package dev.switchboard.bench.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A process's resident set as Linux reports it: the {@code VmRSS:} line of {@code /proc/<pid>/status}, in kB
 * (1,024 bytes). Read from outside the process, so it costs the server nothing and needs no command of its own.
 */
final class ResidentSet {

    private static final String FIELD = "VmRSS:";

    private ResidentSet() {
    }

    /**
     * The resident set of a process.
     *
     * @return bytes, or -1 if unknown (not Linux, no such process)
     */
    static long of(long pid) {
        try {
            List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"),
                    StandardCharsets.ISO_8859_1);
            for (String line : status) {
                if (line.startsWith(FIELD)) {
                    // "VmRSS:     123456 kB"
                    String[] parts = line.substring(FIELD.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
