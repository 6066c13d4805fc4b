package dev.switchboard.contract;

import dev.switchboard.OnText;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes that write messages in parts ({@link WebSocketSession#openTextWriter()},
 * {@link WebSocketSession#openDataStream()}) on command, while other threads write to the same session:
 * <ul>
 *   <li>{@code text <length> <threads> <each> <thread|handler>} and {@code data ...}: writes "before", opens a
 *       message of {@code length} characters ({@link #text}) or bytes ({@link #data}), writes half of it, has
 *       {@code threads} threads write {@code each} texts "c&lt;thread&gt;-&lt;i&gt;" each, then the other half,
 *       closes it and writes "done"; on a thread of its own or in the handler itself;</li>
 *   <li>{@code close-then-write}: closes the session, then writes in parts, and records the outcome;</li>
 *   <li>{@code flood <length>}: on a thread of its own, writes up to {@code length} characters in parts and
 *       records how it ended, how long it took and the most bytes it saw queued.</li>
 * </ul>
 */
public final class PartsRoutes {

    private PartsRoutes() {
    }

    /** Queue limits that concurrent writes of the tests never reach. */
    @Route(value = "/parts", maxQueuedMessages = 16_384, maxQueuedBytes = 64L << 20)
    public static class Roomy extends Commands {
    }

    /** A queue of 1 MiB and a send timeout of 2 seconds, for a client that stops reading. */
    @Route(value = "/parts/slow", maxQueuedBytes = 1 << 20, sendTimeoutSeconds = 2, heartbeatSeconds = 0)
    public static class Slow extends Commands {
    }

    /** The text of a message of the given length: the alphabet over and over. */
    public static String text(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ('a' + i % 26);
        }
        return new String(chars);
    }

    /** The bytes of a message of the given length. */
    public static byte[] data(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }

    abstract static class Commands extends TrackedRoute {

        @OnText
        void command(WebSocketSession session, String command) {
            String[] words = command.split(" ");
            switch (words[0]) {
                case "text", "data" -> {
                    boolean text = words[0].equals("text");
                    int length = Integer.parseInt(words[1]);
                    int threads = Integer.parseInt(words[2]);
                    int each = Integer.parseInt(words[3]);
                    Runnable write = () -> writeWhileOthersWrite(session, text, length, threads, each);
                    if (words[4].equals("handler")) {
                        write.run();
                    } else {
                        new Thread(write, "parts-writer").start();
                    }
                }
                case "close-then-write" -> closeThenWrite(session);
                case "flood" -> new Thread(() -> flood(session, Integer.parseInt(words[1])), "parts-flood").start();
                default -> throw new IllegalArgumentException("unknown command: " + command);
            }
        }
    }

    private static void writeWhileOthersWrite(WebSocketSession session, boolean text, int length, int threads,
                                              int each) {
        session.writeText("before");
        int half = length / 2;
        try {
            if (text) {
                String body = text(length);
                try (Writer writer = session.openTextWriter()) {
                    writer.write(body, 0, half);
                    othersWrite(session, threads, each);
                    writer.write(body, half, length - half);
                }
            } else {
                byte[] body = data(length);
                try (OutputStream stream = session.openDataStream()) {
                    stream.write(body, 0, half);
                    othersWrite(session, threads, each);
                    stream.write(body, half, length - half);
                }
            }
            session.writeText("done");
        } catch (IOException | InterruptedException e) {
            ServerSide.record("parts-failed", session, e);
            session.writeText("failed " + e);
        }
    }

    /** Threads write to the session while the message is half written, and are done before it goes on. */
    private static void othersWrite(WebSocketSession session, int threads, int each) throws InterruptedException {
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            writers.add(new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    session.writeText("c" + thread + "-" + i);
                }
            }, "parts-other-" + t));
        }
        writers.forEach(Thread::start);
        for (Thread writer : writers) {
            writer.join();
        }
    }

    private static void closeThenWrite(WebSocketSession session) {
        session.close();
        String outcome;
        try (Writer writer = session.openTextWriter()) {
            writer.write(text(100_000));
            outcome = "written";
        } catch (IOException e) {
            outcome = e.getClass().getSimpleName() + " " + (e.getCause() == null ? null : e.getCause().getClass().getSimpleName());
        }
        ServerSide.record("after-close", session, outcome);
    }

    private static void flood(WebSocketSession session, int length) {
        long start = System.nanoTime();
        long maxBuffered = 0;
        int written = 0;
        String outcome;
        char[] chunk = text(16 * 1024).toCharArray();
        try (Writer writer = session.openTextWriter()) {
            while (written < length) {
                writer.write(chunk);
                written += chunk.length;
                maxBuffered = Math.max(maxBuffered, session.bufferedAmount());
            }
            outcome = "completed -";
        } catch (IOException e) {
            outcome = "failed " + (e.getCause() == null ? null : e.getCause().getClass().getSimpleName());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        ServerSide.record("flood", session, outcome + " " + millis + " " + maxBuffered + " " + written);
    }
}
