package dev.switchboard.it;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of an app started as a process of its own (the example app, a quick-start build), read until it ends,
 * and the port the app announced it listens on.
 *
 * @param port   the port of the first line that announces it, by default an "on ws://host:port" or
 *               "on wss://host:port" line
 * @param buffer the output so far
 * @param end    completes when the output ends
 */
public record AppOutput(CompletableFuture<Integer> port, StringBuffer buffer, CompletableFuture<Void> end) {

    private static final Pattern LISTENING = Pattern.compile("on wss?://[^:]+:(?<port>\\d+)");

    /** Starts reading an app's output, on a daemon thread. */
    public static AppOutput of(Process app) {
        return of(app, LISTENING);
    }

    /**
     * Starts reading the output of an app that announces its port its own way, on a daemon thread.
     *
     * @param listening the announcement, whose group named {@code port} is the port
     */
    public static AppOutput of(Process app, Pattern listening) {
        AppOutput output = new AppOutput(new CompletableFuture<>(), new StringBuffer(), new CompletableFuture<>());
        Thread reader = new Thread(() -> output.read(app, listening), "example-app-output");
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    private void read(Process app, Pattern listening) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                buffer.append(line).append('\n');
                Matcher announced = listening.matcher(line);
                if (announced.find()) {
                    port.complete(Integer.parseInt(announced.group("port")));
                }
            }
            port.completeExceptionally(new IllegalStateException("the app ended without announcing its port:\n"
                    + buffer));
        } catch (Exception e) {
            port.completeExceptionally(e);
        } finally {
            end.complete(null);
        }
    }

    /** Whether the output has ended. */
    public boolean ended() {
        return end.isDone();
    }

    /** The output so far. */
    public String text() {
        return buffer.toString();
    }
}
