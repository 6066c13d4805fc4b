package dev.switchboard.bench.server;

import dev.switchboard.bench.load.CpuMeter;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * A server a benchmark loads, whatever runs it: a {@link BenchServer} or {@link TyrusBenchServer} in a child
 * JVM ({@link ServerProcess}) or a Tomcat serving the benchmark WAR ({@link TomcatHost}). The rounds only need
 * where to connect and whose CPU and heap to measure; the run needs its log and how to end it.
 */
public interface BenchHost extends AutoCloseable {

    /**
     * Where a path of the served application is: {@code ws://127.0.0.1:PORT<context path><path>}.
     *
     * @param path the path the application serves, e.g. {@code /echo}
     */
    URI uri(String path);

    /**
     * Every place a path of the served application is: one for a single server, one per node for a cluster of
     * servers ({@link BenchCluster}), the first being {@link #uri(String)}'s.
     *
     * @param path the path the application serves, e.g. {@code /chat/bench}
     */
    default List<URI> uris(String path) {
        return List.of(uri(path));
    }

    /** The server's process id. */
    long pid();

    /** The server's CPU times now. */
    default CpuMeter.Snapshot cpu() {
        return CpuMeter.otherProcess(pid());
    }

    /**
     * The messages the example chat route's outbound queue limits dropped since the server started.
     *
     * @return the count, or -1 if unknown
     */
    long droppedMessages();

    /**
     * The server's heap in use after full collections.
     *
     * @return bytes, or -1 if unknown
     */
    long heapAfterFullGc();

    /**
     * The server's resident set now: {@code VmRSS} of {@code /proc/<pid>/status}, the memory of the process that is
     * in RAM (heap the JVM has touched and kept, metaspace, code, thread stacks, native buffers).
     *
     * @return bytes, or -1 if unknown (no {@code /proc}, the process is gone)
     */
    default long residentBytes() {
        return ResidentSet.of(pid());
    }

    /** The warnings and errors the server logged so far, one line each. */
    List<String> logTrouble();

    /** Where the server logs. */
    Path log();

    /** Removes the server's log, for a run where it holds nothing worth keeping. */
    void deleteLog();

    /** Stops the server and waits until it is gone. */
    @Override
    void close();

    /** Kills the server without waiting; for shutdown hooks. */
    void kill();
}
