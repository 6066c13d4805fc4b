package dev.switchboard.it.metrics;

import dev.switchboard.it.AppOutput;
import dev.switchboard.it.TestClassPath;
import dev.switchboard.it.clients.WsClient;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Micrometer is optional: an application without it on its class path serves as before, and one that asks for
 * Micrometer metrics all the same is told the artifact to add.
 */
class WithoutMicrometerIT {

    /** Micrometer's jars and its own dependencies, as their file names start. */
    private static final Pattern MICROMETER_JARS = Pattern.compile("(micrometer-|HdrHistogram|LatencyUtils).*\\.jar");

    @Test
    void aServerRunsWithoutMicrometerAndAskingForItNamesTheArtifact() throws Exception {
        List<Path> everything = TestClassPath.entries();
        List<Path> withoutMicrometer = everything.stream()
                .filter(entry -> !MICROMETER_JARS.matcher(entry.getFileName().toString()).matches())
                .toList();
        assertNotEquals(everything.size(), withoutMicrometer.size(), "the test's own class path has Micrometer");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process app = new ProcessBuilder(java, "-cp",
                withoutMicrometer.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                WithoutMicrometerApp.class.getName())
                .redirectErrorStream(true)
                .start();
        try {
            AppOutput output = AppOutput.of(app);
            int port = output.port().get(60, TimeUnit.SECONDS);
            try (WsClient client = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/without-micrometer"))) {
                client.sendText("hello");
                await().atMost(Duration.ofSeconds(20)).until(() -> client.texts.contains("hello"));
            }
            app.getOutputStream().close(); // the application serves until its input ends

            assertTrue(app.waitFor(20, TimeUnit.SECONDS), "the application stops when its input ends");
            await().atMost(Duration.ofSeconds(20)).until(output::ended);
            assertEquals(0, app.exitValue(), output.text());
            assertTrue(output.text().contains("Metrics.micrometer refused: java.lang.IllegalStateException: "
                    + "Metrics.micrometer(registry) needs Micrometer, which is not on the class path: add the "
                    + "dependency io.micrometer:micrometer-core"), output.text());
        } finally {
            app.destroyForcibly();
        }
    }
}
