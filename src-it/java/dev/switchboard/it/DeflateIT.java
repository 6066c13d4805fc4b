package dev.switchboard.it;

import dev.switchboard.Switchboard;
import dev.switchboard.example.EchoRoute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * permessage-deflate with a client that negotiates it as browsers do: Node's {@code ws}
 * ({@code src-it/browser/deflate-client.mjs}) echoes a megabyte of text, random binary and a small text through
 * the example {@link EchoRoute}, then sends a text that is small compressed but over the route's limit inflated.
 *
 * <p>Needs Node.js and {@code src-it/browser/node_modules} ({@code npm ci --prefix src-it/browser}); without
 * them the test is skipped, or fails when the environment variable {@code CI} is set.
 */
class DeflateIT {

    private static final Path SCRIPT_DIR = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath().resolve("src-it/browser");
    private static final long TIMEOUT_SECONDS = 60;
    /** One byte over EchoRoute's limit, the default 16 MiB. */
    private static final int OVERSIZED = (16 << 20) + 1;

    private Switchboard server;
    private Process node;

    @AfterEach
    void cleanUp() {
        if (node != null && node.isAlive()) {
            node.destroyForcibly();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void negotiatesCompressionWhenOn() throws Exception {
        Map<String, String> results = echoWithWs(true);

        assertEquals("permessage-deflate", results.get("extensions"), "negotiated: " + results);
        assertEchoes(results);
    }

    @Test
    void negotiatesNothingWhenOff() throws Exception {
        Map<String, String> results = echoWithWs(false);

        assertEquals("", results.get("extensions"), "negotiated: " + results);
        assertEchoes(results);
    }

    private void assertEchoes(Map<String, String> results) {
        assertEquals("intact " + (1 << 20), results.get("text"), "1 MiB text: " + results);
        assertEquals("intact " + 64 * 1024, results.get("binary"), "64 KiB binary: " + results);
        assertEquals("intact 2", results.get("small"), "2-byte text: " + results);
        assertEquals("1009", results.get("oversized"), "16 MiB + 1 text: " + results);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.openSessions() == 0);
    }

    /** Runs the ws client against a fresh server and returns its result lines by name. */
    private Map<String, String> echoWithWs(boolean compression) throws IOException, InterruptedException {
        String nodeExecutable = nodeWithWs();
        server = Switchboard.builder().host("127.0.0.1").port(0).route(EchoRoute.class)
                .perMessageDeflate(compression).build().start();
        node = new ProcessBuilder(nodeExecutable, "deflate-client.mjs",
                "ws://127.0.0.1:" + server.port() + "/echo", String.valueOf(OVERSIZED))
                .directory(SCRIPT_DIR.toFile())
                .redirectErrorStream(true)
                .start();
        boolean exited = node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println("[ws, compression " + (compression ? "on" : "off") + "]\n" + output);
        assertTrue(exited, "The ws client did not end within " + TIMEOUT_SECONDS + " s:\n" + output);
        assertEquals(0, node.exitValue(), "The ws client failed:\n" + output);

        Map<String, String> results = new LinkedHashMap<>();
        output.lines().forEach(line -> {
            int space = line.indexOf(' ');
            results.put(space < 0 ? line : line.substring(0, space), space < 0 ? "" : line.substring(space + 1));
        });
        return results;
    }

    /** Node.js, if src-it/browser/node_modules holds ws; otherwise skips, or fails on CI. */
    private static String nodeWithWs() {
        String nodeExecutable = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "node"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst().orElse(null);
        String missing = Files.isDirectory(SCRIPT_DIR.resolve("node_modules/ws")) ? ""
                : "src-it/browser/node_modules (npm ci --prefix src-it/browser) ";
        if (nodeExecutable == null) {
            missing += "node on the PATH (Node.js 20 or later) ";
        }
        if (!missing.isEmpty()) {
            String message = "The permessage-deflate test needs " + missing.trim().replace(") ", "), ")
                    + "; .ci/run installs them.";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        return nodeExecutable;
    }
}
