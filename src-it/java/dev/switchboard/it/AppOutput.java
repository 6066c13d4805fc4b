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
 * @param port   the port of the first "on ws://host:port" or "on wss://host:port" line
 * @param buffer the output so far
 * @param end    completes when the output ends
 */
public record AppOutput(CompletableFuture<Integer> port, StringBuffer buffer, CompletableFuture<Void> end) {

    private static final Pattern LISTENING = Pattern.compile("on wss?://([^:]+):(\\d+)");

    /** Starts reading an app's output, on a daemon thread. */
    public static AppOutput of(Process app) {
        AppOutput output = new AppOutput(new CompletableFuture<>(), new StringBuffer(), new CompletableFuture<>());
        Thread reader = new Thread(() -> output.read(app), "example-app-output");
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    private void read(Process app) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                buffer.append(line).append('\n');
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    port.complete(Integer.parseInt(listening.group(2)));
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
