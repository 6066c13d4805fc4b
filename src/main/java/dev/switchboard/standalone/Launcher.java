package dev.switchboard.standalone;

import dev.switchboard.Switchboard;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a standalone server from the command line:
 * {@code java dev.switchboard.standalone.Launcher [--host H] [--port P]} serves every route on the class path,
 * and the files of the class-path folder {@code public/} over HTTP, by default on 0.0.0.0:8080, until the
 * process is stopped.
 */
public final class Launcher {

    private Launcher() {
    }

    /**
     * Serves every route and the {@code public/} files on the class path until the JVM shuts down.
     *
     * @param args {@code --host H} and {@code --port P}, both optional
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        serve(Switchboard.builder().discoverRoutes().staticFiles("public"), args);
    }

    /**
     * Starts a server from a builder, on the host and port the arguments name, and serves until the JVM
     * shuts down, draining sessions then.
     *
     * @param builder the configured server, whose host and port the arguments override
     * @param args    {@code --host H} (default 0.0.0.0) and {@code --port P} (default 8080), both optional
     * @throws InterruptedException if interrupted while serving
     */
    public static void serve(Switchboard.Builder builder, String[] args) throws InterruptedException {
        String host = "0.0.0.0";
        int port = 8080;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = value(args, ++i);
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; usage: [--host H] [--port P]");
            }
        }
        Switchboard server = builder.host(host).port(port).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "switchboard-shutdown"));
        System.out.println("Switchboard serving " + server.routes() + " on ws://" + host + ":" + server.port()
                + " (Ctrl+C stops)");
        stopped.await();
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
