package dev.switchboard.bench.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to launch a benchmark server ({@link BenchServer}, {@link TyrusBenchServer}) in a child JVM, on this
 * JVM's class path and with the same options for every server, so that their heaps and collectors compare.
 *
 * @param prefix what goes before the java command, e.g. {@code taskset -c 1} ({@link Pinning#serverPrefix()});
 *               may be empty
 * @param main   the server's main class
 * @param args   its arguments besides the port
 */
public record ServerCommand(List<String> prefix, Class<?> main, List<String> args) {

    /** The JVM options of every server. */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx1g");

    /** The same server on a given port, which the servers take as their first argument (else any free one). */
    public ServerCommand onPort(int port) {
        List<String> withPort = new ArrayList<>();
        withPort.add(Integer.toString(port));
        withPort.addAll(args);
        return new ServerCommand(prefix, main, withPort);
    }

    /** The whole command line. */
    List<String> toList() {
        List<String> command = new ArrayList<>(prefix);
        command.add(javaExecutable());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        return command;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
