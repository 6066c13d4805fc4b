package dev.switchboard.bench;

import java.net.URI;
import java.util.List;

/**
 * A server compared by {@link VersusTyrusBenchmark}: its name, how to start it and, once started, its process.
 *
 * @param name   the name in the report
 * @param main   its main class ({@link BenchServer} or {@link TyrusBenchServer})
 * @param args   its arguments besides the port
 * @param server its running process, shared by the cases (the startup case starts fresh ones)
 */
record Target(String name, Class<?> main, List<String> args, ServerProcess server) {

    /** A URI of the running server. */
    URI uri(String path) {
        return server.uri(path);
    }

    /** The same server under another name, for a second endpoint on it. */
    Target as(String otherName) {
        return new Target(otherName, main, args, server);
    }
}
