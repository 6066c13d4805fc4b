package dev.switchboard.standalone;

import dev.switchboard.Switchboard;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a standalone server from the command line:
 * {@code java dev.switchboard.standalone.Launcher [--host H] [--port P] [--keystore F] [--blocking-handlers]} serves
 * every route on the class path, and the files of the class-path folder {@code public/} over HTTP, by default on
 * 0.0.0.0:8080, until the process is stopped. With {@code --keystore}, a PKCS12 file, it serves wss:// and https://;
 * its password comes from the environment variable {@code SWITCHBOARD_KEYSTORE_PASSWORD}, so that it never shows in
 * the process list. With {@code --blocking-handlers} handlers run on worker threads, for routes whose handlers block
 * ({@link Switchboard.Builder#blockingHandlers}).
 */
public final class Launcher {

    /** The environment variable that holds the password of the {@code --keystore} file. */
    private static final String KEYSTORE_PASSWORD = "SWITCHBOARD_KEYSTORE_PASSWORD";

    private Launcher() {
    }

    /**
     * Serves every route and the {@code public/} files on the class path until the JVM shuts down.
     *
     * @param args {@code --host H}, {@code --port P}, {@code --keystore F} and {@code --blocking-handlers}, all
     *             optional
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        serve(Switchboard.builder().discoverRoutes().staticFiles("public"), args);
    }

    /**
     * Starts a server from a builder, on the host and port the arguments name, and serves until the JVM
     * shuts down, draining sessions then.
     *
     * @param builder the configured server, whose host, port and (if {@code --keystore} is given) TLS the
     *                arguments override
     * @param args    {@code --host H} (default 0.0.0.0), {@code --port P} (default 8080), {@code --keystore F}
     *                (a PKCS12 file, password in {@code SWITCHBOARD_KEYSTORE_PASSWORD}) and
     *                {@code --blocking-handlers} (handlers on worker threads), all optional
     * @throws InterruptedException if interrupted while serving
     */
    public static void serve(Switchboard.Builder builder, String[] args) throws InterruptedException {
        String host = "0.0.0.0";
        int port = 8080;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = value(args, ++i);
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--keystore" -> builder.tls(Path.of(value(args, ++i)), keystorePassword());
                case "--blocking-handlers" -> builder.blockingHandlers(true);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; usage: [--host H] [--port P] [--keystore F] [--blocking-handlers]");
            }
        }
        Switchboard server = builder.host(host).port(port).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "switchboard-shutdown"));
        System.out.println("Switchboard serving " + server.routes() + " on " + (server.secure() ? "wss://" : "ws://")
                + host + ":" + server.port() + " (Ctrl+C stops)");
        stopped.await();
    }

    private static char[] keystorePassword() {
        String password = System.getenv(KEYSTORE_PASSWORD);
        if (password == null) {
            throw new IllegalArgumentException("--keystore needs the keystore's password in the environment variable "
                    + KEYSTORE_PASSWORD);
        }
        return password.toCharArray();
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
