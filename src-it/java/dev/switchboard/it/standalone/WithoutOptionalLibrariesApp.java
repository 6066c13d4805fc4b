package dev.switchboard.it.standalone;

import dev.switchboard.Cluster;
import dev.switchboard.Jackson3Codec;
import dev.switchboard.JacksonCodec;
import dev.switchboard.JsonbCodec;
import dev.switchboard.Metrics;
import dev.switchboard.OnText;
import dev.switchboard.Route;
import dev.switchboard.Switchboard;
import dev.switchboard.WebSocketSession;

import java.io.IOException;
import java.util.List;

/**
 * An application that {@link WithoutOptionalLibrariesIT} runs without Micrometer, Lettuce and the JSON libraries on
 * its class path: it asks for Micrometer metrics, a Redis cluster and each JSON codec and prints the answers, serves an echo route
 * until its input ends, and meanwhile starts a server of a typed route and prints how that went.
 */
public final class WithoutOptionalLibrariesApp {

    private WithoutOptionalLibrariesApp() {
    }

    /** Echoes texts; asked for {@code "object"}, writes an object and answers how that went. */
    @Route("/without-optional-libraries")
    public static class Echo {
        @OnText
        String echo(WebSocketSession session, String text) {
            if (text.equals("object")) {
                try {
                    session.writeObject(List.of(1, 2));
                    return "writeObject did not refuse";
                } catch (IllegalStateException e) {
                    return "writeObject refused: " + e.getMessage();
                }
            }
            return text;
        }
    }

    /** Answers records with records: it needs a codec. */
    @Route("/typed")
    public static class Typed {

        /** A question. */
        public record Question(String text) { }

        /** Its answer. */
        public record Answer(int length) { }

        @OnText
        Answer asked(Question question) {
            return new Answer(question.text().length());
        }
    }

    /**
     * Asks for what needs the optional libraries, then serves on a free port of 127.0.0.1 until standard input ends.
     *
     * @param args none
     * @throws IOException if standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        attempt("Metrics.micrometer", () -> Metrics.micrometer(null));
        attempt("new JacksonCodec()", JacksonCodec::new);
        attempt("new Jackson3Codec()", Jackson3Codec::new);
        attempt("new JsonbCodec()", JsonbCodec::new);
        attempt("Cluster.redis", () -> Cluster.redis("redis://127.0.0.1:6379"));
        try (Switchboard server = Switchboard.builder().host("127.0.0.1").port(0).route(Echo.class).build().start()) {
            System.out.println("serving on ws://127.0.0.1:" + server.port());
            // After the line above, which the test reads the port from: this server announces itself too.
            attempt("a typed route", () -> {
                try (Switchboard typed = Switchboard.builder().host("127.0.0.1").port(0).route(Typed.class).build()) {
                    typed.start();
                }
            });
            while (System.in.read() >= 0) {
                // serves until the test closes this input
            }
        }
    }

    private static void attempt(String what, Runnable call) {
        try {
            call.run();
            System.out.println(what + " did not refuse");
        } catch (IllegalStateException | LinkageError e) {
            System.out.println(what + " refused: " + e);
        }
    }
}
