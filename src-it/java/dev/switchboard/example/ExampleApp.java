package dev.switchboard.example;

import dev.switchboard.Switchboard;
import dev.switchboard.standalone.Launcher;

/**
 * The example app: {@link EchoRoute} at {@code /echo} and {@link ChatRoute} at {@code /chat/{room}}, on
 * 0.0.0.0:8080 unless {@code --host} or {@code --port} say otherwise.
 */
public final class ExampleApp {

    private ExampleApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        Launcher.serve(Switchboard.builder().route(EchoRoute.class).route(ChatRoute.class), args);
    }
}
