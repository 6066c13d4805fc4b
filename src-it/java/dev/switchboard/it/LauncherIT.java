package dev.switchboard.it;

import dev.switchboard.example.ExampleApp;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example app as its run command starts it: a JVM of its own, host and port from the arguments, and a
 * drain when the process is told to stop.
 */
class LauncherIT {

    private static final Pattern LISTENING = Pattern.compile("on wss?://([^:]+):(\\d+)");

    @Test
    void servesTheExampleRoutesAndDrainsOnSigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process app = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ExampleApp.class.getName(), "--host", "127.0.0.1", "--port", "0")
                .redirectErrorStream(true)
                .start();
        try {
            int port = portAnnouncedBy(app).get(60, TimeUnit.SECONDS);
            WsClient client = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/echo"));
            client.sendText("through the launcher");
            await().atMost(Duration.ofSeconds(20)).until(() -> client.texts.contains("through the launcher"));

            app.destroy(); // SIGTERM: the shutdown hook drains

            assertEquals(1001, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            assertTrue(app.waitFor(20, TimeUnit.SECONDS), "the app exits after draining");
            assertEquals(List.of("through the launcher"), client.texts);
        } finally {
            app.destroyForcibly();
        }
    }

    /** Reads the app's output until it announces where it listens, and keeps draining it after. */
    static CompletableFuture<Integer> portAnnouncedBy(Process app) {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) {
                        port.complete(Integer.parseInt(listening.group(2)));
                    }
                }
                port.completeExceptionally(new IllegalStateException("the app ended without announcing its port"));
            } catch (Exception e) {
                port.completeExceptionally(e);
            }
        }, "example-app-output");
        reader.setDaemon(true);
        reader.start();
        return port;
    }
}
