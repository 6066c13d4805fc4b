package dev.switchboard.it.standalone;

import dev.switchboard.example.ExampleApp;
import dev.switchboard.it.AppOutput;
import dev.switchboard.it.clients.WsClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example app as its run command starts it: a JVM of its own, host and port from the arguments, and a
 * drain when the process is told to stop.
 */
class LauncherIT {

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
}
