package dev.switchboard.example;

import dev.switchboard.Switchboard;

/**
 * The example app: {@link EchoRoute} at {@code /echo}, {@link ChatRoute} at {@code /chat/{room}} and its chat
 * page (the class-path folder {@code public/}) at {@code /}, on 0.0.0.0:8080 unless {@code --host} or
 * {@code --port} say otherwise, until the process is told to stop (SIGTERM, Ctrl+C).
 */
public final class ExampleApp {

    private ExampleApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        Switchboard.builder().route(EchoRoute.class).route(ChatRoute.class).route(InboxRoute.class)
                .staticFiles("public").commandLine(args).build().serveUntilShutdown();
    }
}
