package dev.switchboard.it.examples;

import dev.switchboard.Switchboard;
import dev.switchboard.example.ChatClient;
import dev.switchboard.example.ExampleApp;
import dev.switchboard.it.TestClassPath;
import dev.switchboard.it.clients.WsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example's command-line chat client, as a process of its own with its standard input and output: it says
 * what is typed in a room of the example app and prints what the room says, and when the server restarts on its
 * port it reconnects by itself and goes on.
 */
class ChatClientIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Switchboard server;
    private Process client;

    @AfterEach
    void stop() throws InterruptedException {
        if (client != null) {
            client.destroyForcibly().waitFor();
        }
        if (server != null) {
            server.stop();
        await().atMost(WAIT).until(() -> printed.toString().contains("* disconnected: 1001 SERVER_CLOSED")
                && printed.toString().contains("* reconnecting in"));
        typed.write("typed while the server was away\n");
        typed.flush();
        server = start(port);
        // The room sends each text to its sender too: the line held for the new connection comes back.
        await().atMost(WAIT).until(() -> printed.toString().contains("typed while the server was away"));
        try (WsClient member = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/chat/cli?name=Cy"))) {
            await().atMost(WAIT).until(() -> printed.toString().contains("{\"online\":[\"Cli\",\"Cy\"]}"));
            typed.write("and after\n");
            typed.flush();
            await().atMost(WAIT).until(() -> member.texts.contains("and after"));
        }
        typed.write("/quit\n");
        typed.flush();
        await().atMost(WAIT).until(() -> !client.isAlive());
        List<String> lines = printed.toString().lines().toList();
        assertTrue(lines.stream().filter(line -> line.startsWith("* connected to")).count() == 2, printed.toString());
    }
}
