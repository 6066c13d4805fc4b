package dev.switchboard.it;

import dev.switchboard.example.ExampleApp;
import dev.switchboard.it.clients.WsClient;
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
    void servesTheExampleRoutesAndDrainsOnSigtermKeepingItsLogLines() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process app = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ExampleApp.class.getName(), "--host", "127.0.0.1", "--port", "0")
                .redirectErrorStream(true)
                .start();
        try {
            AppOutput output = AppOutput.of(app);
            int port = output.port().get(60, TimeUnit.SECONDS);
            WsClient client = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/echo"));
            WsClient ann = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/chat/lobby?name=Ann"));
            client.sendText("through the launcher");
            await().atMost(Duration.ofSeconds(20)).until(() -> client.texts.contains("through the launcher"));

            app.toHandle().destroy(); // SIGTERM (Process.destroy would also close the pipe of its output)

            assertEquals(1001, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            assertEquals(1001, ann.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            assertTrue(app.waitFor(20, TimeUnit.SECONDS), "the app exits after draining");
            assertEquals(0, app.exitValue(), "a drained server exits normally");
            assertEquals(List.of("through the launcher"), client.texts);
            // What the handlers and the drain log while the process stops reaches its output.
            await().atMost(Duration.ofSeconds(20)).until(output::ended);
            String log = output.text();
            assertTrue(log.contains("Ann left lobby (SHUTDOWN)"), log);
            assertTrue(log.contains("Switchboard stopped: 2 sessions closed, 0 cut"), log);
        } finally {
            app.destroyForcibly();
        }
    }

    /** Where the app announces it listens. */
    static CompletableFuture<Integer> portAnnouncedBy(Process app) {
        return AppOutput.of(app).port();
    }

    /** An app's output, read until it ends, and the port it announced. */
    record AppOutput(CompletableFuture<Integer> port, StringBuffer buffer, CompletableFuture<Void> end) {

        static AppOutput of(Process app) {
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

        boolean ended() {
            return end.isDone();
        }

        String text() {
            return buffer.toString();
        }
    }
}
