package dev.switchboard.bench.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * The benchmark servers' side of {@link ServerProcess}: after printing {@code PORT <n>}, a server reads
 * commands on stdin until it closes. {@code stats} is answered with {@code STATS <dropped messages>};
 * {@code heap} with {@code HEAP <bytes>}: the heap in use after full collections, repeated until it stops
 * shrinking.
 */
final class ServerControl {

    private static final int MAX_COLLECTIONS = 10;

    private ServerControl() {
    }

    /** Tells the benchmark the port, then answers its commands until stdin closes. */
    static void serve(int port, LongSupplier droppedMessages) throws IOException {
        System.out.println("PORT " + port);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            switch (line.trim()) {
                case "stats" -> System.out.println("STATS " + droppedMessages.getAsLong());
                case "heap" -> System.out.println("HEAP " + heapAfterFullGc());
                default -> System.out.println("unknown command: " + line);
            }
            System.out.flush();
        }
    }

    /**
     * The heap in use after {@code System.gc()} (a full collection with the JDK's collectors, unless
     * disabled), repeated until two results differ by less than 0.5%: objects freed by a collection's
     * cleaners only go in the next one.
     */
    static long heapAfterFullGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int i = 0; i < MAX_COLLECTIONS; i++) {
            System.gc();
            used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < used / 200) {
                break;
            }
            previous = used;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return used;
    }
}
