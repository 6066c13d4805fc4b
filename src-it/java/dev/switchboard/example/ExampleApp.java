package dev.switchboard.example;

import dev.switchboard.Switchboard;
import dev.switchboard.standalone.Launcher;

/**
 * The example app: {@link EchoRoute} at {@code /echo}, {@link ChatRoute} at {@code /chat/{room}} and its chat
 * page (the class-path folder {@code public/}) at {@code /}, on 0.0.0.0:8080 unless {@code --host} or
 * {@code --port} say otherwise.
 */
public final class ExampleApp {

    private ExampleApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        Launcher.serve(Switchboard.builder().route(EchoRoute.class).route(ChatRoute.class).route(InboxRoute.class)
                .staticFiles("public"), args);
    }
}
