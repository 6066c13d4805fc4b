package dev.switchboard.it.browser;

import dev.switchboard.Switchboard;
import dev.switchboard.example.ExampleApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The example app's chat page in a real browser: Debian's headless Chromium, driven by playwright-core from
 * npm ({@code src-it/browser/chat-page.test.mjs}). The server runs here; the script asks, over its stdout,
 * for the server to stop and to start again on the same port, and this test answers on its stdin once done.
 *
 * <p>Needs {@code /usr/bin/chromium} ({@code apt-get install -y chromium}), Node.js and
 * {@code src-it/browser/node_modules} ({@code npm ci --prefix src-it/browser}); {@code .ci/run} installs them.
 * Without them the test is skipped, or fails when the environment variable {@code CI} is set.
 */
class ChatPageBrowserIT {

    private static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath();
    private static final Path SCRIPT_DIR = PROJECT.resolve("src-it/browser");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOT = PROJECT.resolve("target/chat-page.png");
    private static final long TIMEOUT_SECONDS = 180;
    private static final String COMMAND = "@@server ";

    private volatile Switchboard server;
    private Process node;

    /** The example app as it serves its chat page, its online list's presence setting included. */
    private static Switchboard startServer(int port) {
        return ExampleApp.server().host("127.0.0.1").port(port).build().start();
    }

    @AfterEach
    void cleanUp() {
        if (node != null && node.isAlive()) {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void chatPageWorksInChromium() throws Exception {
        String nodeExecutable = prerequisites();
        server = startServer(0);
        int port = server.port();
        Files.createDirectories(SCREENSHOT.getParent());
        Files.deleteIfExists(SCREENSHOT);

        ProcessBuilder builder = new ProcessBuilder(nodeExecutable, "chat-page.test.mjs")
                .directory(SCRIPT_DIR.toFile())
                .redirectErrorStream(true);
        builder.environment().put("CHAT_URL", "http://127.0.0.1:" + port + "/");
        builder.environment().put("SCREENSHOT", SCREENSHOT.toString());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        long started = System.nanoTime();
        node = builder.start();

        List<String> output = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread conversation = new Thread(() -> converse(port, output, failures), "browser-test-output");
        conversation.setDaemon(true);
        conversation.start();

        boolean exited = node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        conversation.join(TimeUnit.SECONDS.toMillis(10));
        System.out.printf("Browser test took %.1f s%n", (System.nanoTime() - started) / 1e9);

        assertTrue(exited, "The browser test did not end within " + TIMEOUT_SECONDS + " s:\n"
                + String.join("\n", output));
        assertTrue(failures.isEmpty(), "Restarting the server failed: " + failures);
        assertEquals(0, node.exitValue(), "The browser test failed:\n" + String.join("\n", output));
        assertTrue(Files.size(SCREENSHOT) > 0, "No screenshot at " + SCREENSHOT);
    }

    /** Prints the script's output and carries out its server commands, answering on its stdin. */
    private void converse(int port, List<String> output, List<Throwable> failures) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
             Writer answers = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                System.out.println("[browser] " + line);
                output.add(line);
                if (!line.startsWith(COMMAND)) {
                    continue;
                }
                String command = line.substring(COMMAND.length()).trim();
                try {
                    switch (command) {
                        case "stop" -> server.stop();
                        case "start" -> server = startServer(port);
                        default -> throw new IllegalArgumentException("Unknown command " + line);
                    }
                    answers.write(command + " done\n");
                } catch (RuntimeException e) {
                    failures.add(e);
                    answers.write(command + " failed: " + e + "\n");
                }
                answers.flush();
            }
        } catch (IOException e) {
            failures.add(e);
        }
    }

    /** Node.js, if Chromium and playwright-core are there too; otherwise skips, or fails on CI. */
    private static String prerequisites() {
        String nodeExecutable = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "node"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst().orElse(null);
        String missing = Files.isExecutable(CHROMIUM) ? "" : CHROMIUM + " (apt-get install -y chromium) ";
        if (!Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core"))) {
            missing += "src-it/browser/node_modules (npm ci --prefix src-it/browser) ";
        }
        if (nodeExecutable == null) {
            missing += "node on the PATH (Node.js 20 or later) ";
        }
        if (!missing.isEmpty()) {
            String message = "The chat page browser test needs " + missing.trim().replace(") ", "), ")
                    + "; .ci/run installs them.";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        return nodeExecutable;
    }
}
