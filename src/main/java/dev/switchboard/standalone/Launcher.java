package dev.switchboard.standalone;

import dev.switchboard.Switchboard;

import java.util.concurrent.CountDownLatch;

/**
 * Serves every route on the class path: {@code java dev.switchboard.standalone.Launcher [--host H] [--port P]},
 * by default on 0.0.0.0:8080, until the process is stopped.
 */
public final class Launcher {

    private Launcher() {
    }

    /**
     * Starts the server and waits until the JVM shuts down.
     *
     * @param args {@code --host H} and {@code --port P}, both optional
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        String host = "0.0.0.0";
        int port = 8080;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = value(args, ++i);
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; usage: Launcher [--host H] [--port P]");
            }
        }
        Switchboard server = Switchboard.builder().host(host).port(port).discoverRoutes().build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "switchboard-shutdown"));
        System.out.println("Switchboard listening on ws://" + host + ":" + server.port() + " (Ctrl+C stops)");
        stopped.await();
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
