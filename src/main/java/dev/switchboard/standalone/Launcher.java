package dev.switchboard.standalone;

import dev.switchboard.Switchboard;

/**
 * Runs a standalone server from the command line:
 * {@code java dev.switchboard.standalone.Launcher [--host H] [--port P] [--keystore F] [--blocking-handlers]
 * [--redis URI] [--node-id ID]} serves
 * every route on the class path, and the files of the class-path folder {@code public/} over HTTP, by default on
 * 0.0.0.0:8080, until the process is told to stop (SIGTERM, Ctrl+C), then drains. The options are those of
 * {@link Switchboard.Builder#commandLine(String...)}.
 */
public final class Launcher {

    private Launcher() {
    }

    /**
     * Serves every route and the {@code public/} files on the class path until the process is told to stop.
     *
     * @param args {@code --host H}, {@code --port P}, {@code --keystore F}, {@code --blocking-handlers},
     *             {@code --redis URI} and {@code --node-id ID}, all optional
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        Switchboard.builder().discoverRoutes().staticFiles("public").commandLine(args).build().serveUntilShutdown();
    }
}
