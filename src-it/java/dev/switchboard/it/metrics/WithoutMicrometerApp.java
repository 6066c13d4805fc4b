package dev.switchboard.it.metrics;

import dev.switchboard.Metrics;
import dev.switchboard.OnText;
import dev.switchboard.Route;
import dev.switchboard.Switchboard;

import java.io.IOException;

/**
 * An application that {@link WithoutMicrometerIT} runs without Micrometer on its class path: it asks for Micrometer
 * metrics and prints the answer, then serves an echo route until its input ends.
 */
public final class WithoutMicrometerApp {

    private WithoutMicrometerApp() {
    }

    /** Echoes texts. */
    @Route("/without-micrometer")
    public static class Echo {
        @OnText
        String echo(String text) {
            return text;
        }
    }

    /**
     * Asks for Micrometer metrics, then serves on a free port of 127.0.0.1 until standard input ends.
     *
     * @param args none
     * @throws IOException if standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        try {
            Metrics.micrometer(null);
            System.out.println("Metrics.micrometer did not refuse");
        } catch (IllegalStateException | LinkageError e) {
            System.out.println("Metrics.micrometer refused: " + e);
        }
        try (Switchboard server = Switchboard.builder().host("127.0.0.1").port(0).route(Echo.class).build().start()) {
            System.out.println("serving on ws://127.0.0.1:" + server.port());
            while (System.in.read() >= 0) {
                // serves until the test closes this input
            }
        }
    }
}
