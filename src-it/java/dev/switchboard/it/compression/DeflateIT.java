package dev.switchboard.it.compression;

import dev.switchboard.Switchboard;
import dev.switchboard.example.ChatRoute;
import dev.switchboard.example.EchoRoute;
import dev.switchboard.it.LogCapture;
import dev.switchboard.it.NodeJs;
import dev.switchboard.it.clients.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * permessage-deflate with a client that negotiates it as browsers do: Node's {@code ws}
 * ({@code src-it/browser/deflate-client.mjs}) echoes a megabyte of text twice, random binary and a small text
 * through the example {@link EchoRoute}, then sends a text that is small compressed but over the route's limit
 * inflated; with the client's parameters varied, and with a "decompression bomb" that must cost the server no
 * more than its message limit.
 *
 * <p>Needs Node.js and {@code src-it/browser/node_modules} ({@code npm ci --prefix src-it/browser}); without
 * them the test is skipped, or fails when the environment variable {@code CI} is set.
 */
class DeflateIT {

    private static final Path SCRIPT_DIR = NodeJs.SCRIPT_DIR;
    private static final long TIMEOUT_SECONDS = 60;
    /** One byte over EchoRoute's limit, the default 16 MiB. */
    private static final int OVERSIZED = (16 << 20) + 1;
    /** The 1 MiB text twice and 64 KiB of random binary: what the client reads back, without compression. */
    private static final long UNCOMPRESSED_ECHOES = 2L * (1 << 20) + 64 * 1024;

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
        start(Switchboard.builder().perMessageDeflate(true));
        Map<String, String> results = ws("echo", OVERSIZED);

        assertEquals("permessage-deflate", results.get("extensions"), "negotiated: " + results);
        // ws offers client_max_window_bits, which the server need not answer.
        assertEquals("{}", results.get("params"), "negotiated: " + results);
        assertEchoes(results);
        assertCompressed(results, true);
    }

    @Test
    void broadcastsToACompressingClientAreCompressed() throws Exception {
        start(Switchboard.builder().perMessageDeflate(true));
        Map<String, String> results = ws("/chat/deflate", "chat", 100_000);

        assertEquals("permessage-deflate", results.get("extensions"), "negotiated: " + results);
        assertEquals("intact 100000", results.get("broadcast"), "the room's broadcast: " + results);
        long read = Long.parseLong(results.get("wire").split(" ")[1]);
        assertTrue(read < 10_000, "bytes read, the broadcast compressed: " + read);
        assertEquals("1000", results.get("closed"), "closed: " + results);
    }

    @Test
    void negotiatesNothingWhenOff() throws Exception {
        start(Switchboard.builder().perMessageDeflate(false));
        // No oversized message here: uncompressed, it is refused by its frame's head, as FrameLimitIT tests.
        Map<String, String> results = ws("echo", 0);

        assertEquals("", results.get("extensions"), "negotiated: " + results);
        assertEquals("intact " + (1 << 20), results.get("text"), "1 MiB text: " + results);
        assertEquals("intact " + 64 * 1024, results.get("binary"), "64 KiB binary: " + results);
        assertEquals("1000", results.get("closed"), "close: " + results);
        assertCompressed(results, false);
    }

    @Test
    void honoursServerNoContextTakeover() throws Exception {
        start(Switchboard.builder().perMessageDeflate(true));
        Map<String, String> results = ws("echo", OVERSIZED, "{\"serverNoContextTakeover\":true}");

        assertEquals("permessage-deflate", results.get("extensions"), "negotiated: " + results);
        assertEquals("{\"server_no_context_takeover\":true}", results.get("params"), "negotiated: " + results);
        assertEchoes(results);
        assertCompressed(results, true);
    }

    @Test
    void honoursClientNoContextTakeover() throws Exception {
        start(Switchboard.builder().perMessageDeflate(true));
        Map<String, String> results = ws("echo", OVERSIZED, "{\"clientNoContextTakeover\":true}");

        assertEquals("{\"client_no_context_takeover\":true}", results.get("params"), "negotiated: " + results);
        assertEchoes(results);
        assertCompressed(results, true);
    }

    @Test
    void declinesAServerWindowItCannotKeepToAndTalksUncompressed() throws Exception {
        start(Switchboard.builder().perMessageDeflate(true));
        // No oversized message here: uncompressed, its 16 MiB would be what FrameLimitIT tests already.
        Map<String, String> results = ws("echo", 0, "{\"serverMaxWindowBits\":10}");

        assertEquals("", results.get("extensions"), "negotiated: " + results);
        assertEquals("intact " + (1 << 20), results.get("text"), "1 MiB text: " + results);
        assertEquals("intact " + 64 * 1024, results.get("binary"), "64 KiB binary: " + results);
        assertEquals("1000", results.get("closed"), "close: " + results);
        assertCompressed(results, false);
    }

    @Test
    void refusesADecompressionBombWithinTheLimitAndServesOn() throws Exception {
        int limit = 1 << 20;
        start(Switchboard.builder().perMessageDeflate(true).maxMessageSize(limit));

        // 64 MiB of zeros: about 64 KiB compressed, one frame, well under the frame limit.
        Map<String, String> bomb = ws("bomb", 64 << 20);

        assertEquals("permessage-deflate", bomb.get("extensions"), "negotiated: " + bomb);
        assertEquals("1009", bomb.get("bomb"), "close: " + bomb);
        assertEquals("message too big: over " + limit + " bytes", bomb.get("reason"), "close: " + bomb);
        assertTrue(Long.parseLong(bomb.get("millis")) < 10_000, "took: " + bomb);

        // The same server serves the next client, up to exactly its limit.
        Map<String, String> next = ws("echo", limit + 1);
        assertEquals("intact " + (1 << 20), next.get("text"), "1 MiB text: " + next);
        assertEquals("intact " + (1 << 20), next.get("text-again"), "1 MiB text again: " + next);
        assertEquals("intact 2", next.get("small"), "2-byte text: " + next);
        assertEquals("1009", next.get("oversized"), "1 MiB + 1 text: " + next);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.openSessions() == 0);
    }

    @Test
    void closesWith1007OnDataThatDoesNotInflateAndLogsNoStackTrace() throws Exception {
        start(Switchboard.builder().perMessageDeflate(true));
        LogCapture logged = LogCapture.start();
        try (RawClient client = RawClient.upgrade(URI.create("ws://127.0.0.1:" + server.port() + "/echo"),
                "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n")) {
            assertTrue(client.responseHead.contains("Sec-WebSocket-Extensions: permessage-deflate\r\n"),
                    client.responseHead);
            // RSV1 (0x40) on a binary frame whose payload is not DEFLATE data.
            client.send(RawClient.frame(0x40 | 0x2, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x12, 0x34}));

            RawClient.Frame close = client.readFrame();
            assertEquals(0x8, close.opcode());
            assertEquals(1007, close.closeCode());
            assertEquals("invalid compressed data", close.closeReason());
            await().atMost(Duration.ofSeconds(10)).until(() -> server.openSessions() == 0);
        } finally {
            logged.close();
        }
        List<LogRecord> traces = logged.records.stream()
                .filter(r -> r.getLevel().intValue() >= Level.INFO.intValue() && r.getThrown() != null).toList();
        assertEquals(List.of(), traces.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
    }

    private void assertEchoes(Map<String, String> results) {
        assertEquals("intact " + (1 << 20), results.get("text"), "1 MiB text: " + results);
        assertEquals("intact " + (1 << 20), results.get("text-again"), "1 MiB text again: " + results);
        assertEquals("intact " + 64 * 1024, results.get("binary"), "64 KiB binary: " + results);
        assertEquals("intact 2", results.get("small"), "2-byte text: " + results);
        assertEquals("1009", results.get("oversized"), "16 MiB + 1 text: " + results);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.openSessions() == 0);
    }

    /** Whether the server compressed its echoes: the repetitive text shrinks to little, the random binary not. */
    private static void assertCompressed(Map<String, String> results, boolean compressed) {
        long read = Long.parseLong(results.get("wire").split(" ")[1]);
        if (compressed) {
            assertTrue(read < 64 * 1024 + 64 * 1024, "bytes read with compression: " + read);
        } else {
            assertTrue(read > UNCOMPRESSED_ECHOES, "bytes read without compression: " + read);
        }
    }

    private void start(Switchboard.Builder builder) {
        server = builder.host("127.0.0.1").port(0).route(EchoRoute.class).route(ChatRoute.class).build().start();
    }

    /** Runs the ws client against the server's echo route and returns its result lines by name. */
    private Map<String, String> ws(String mode, long bytes, String... perMessageDeflate)
            throws IOException, InterruptedException {
        return ws("/echo", mode, bytes, perMessageDeflate);
    }

    /** Runs the ws client against a path of the server and returns its result lines by name. */
    private Map<String, String> ws(String path, String mode, long bytes, String... perMessageDeflate)
            throws IOException, InterruptedException {
        String nodeExecutable = NodeJs.withWs("The permessage-deflate test");
        List<String> command = new ArrayList<>(List.of(nodeExecutable, "deflate-client.mjs",
                "ws://127.0.0.1:" + server.port() + path, mode, String.valueOf(bytes)));
        command.addAll(List.of(perMessageDeflate));
        node = new ProcessBuilder(command)
                .directory(SCRIPT_DIR.toFile())
                .redirectErrorStream(true)
                .start();
        boolean exited = node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println("[ws " + String.join(" ", command.subList(3, command.size())) + "]\n" + output);
        assertTrue(exited, "The ws client did not end within " + TIMEOUT_SECONDS + " s:\n" + output);
        assertEquals(0, node.exitValue(), "The ws client failed:\n" + output);

        Map<String, String> results = new LinkedHashMap<>();
        output.lines().forEach(line -> {
            int space = line.indexOf(' ');
            results.put(space < 0 ? line : line.substring(0, space), space < 0 ? "" : line.substring(space + 1));
        });
        return results;
    }
}
