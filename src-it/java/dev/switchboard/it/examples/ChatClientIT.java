package dev.switchboard.it.examples;

import dev.switchboard.ClientSession;
import dev.switchboard.ClientState;
import dev.switchboard.Switchboard;
import dev.switchboard.docs.ClientSnippets;
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
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The example's command-line chat client, as a process of its own with its standard input and output: it says
 * what is typed in a room of the example app and prints what the room says, and when the server restarts on its
 * port it reconnects by itself and goes on, with the line typed meanwhile.
 */
class ChatClientIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Switchboard server;
    private Process client;
    private final StringBuffer printed = new StringBuffer();

    @AfterEach
    void stopBoth() throws InterruptedException {
        if (client != null) {
            client.destroyForcibly().waitFor();
        }
        if (server != null) {
            server.stop();
        }
    }

    private static Switchboard start(int port) {
        return ExampleApp.server().host("127.0.0.1").port(port).build().start();
    }

    private Writer startClient(String uri) throws Exception {
        client = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                TestClassPath.entries().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                ChatClient.class.getName(), uri).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    printed.append(line).append('\n');
                }
            } catch (Exception ended) {
                // the process ended
            }
        }, "chat-client-output");
        reader.setDaemon(true);
        reader.start();
        return new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
    }

    private boolean printed(String text) {
        return printed.toString().contains(text);
    }

    private static void type(Writer typed, String line) throws Exception {
        typed.write(line + "\n");
        typed.flush();
    }

    @Test
    void chatsFromTheCommandLineAndReconnectsWhenTheServerRestarts() throws Exception {
        server = start(0);
        int port = server.port();
        Writer typed = startClient("ws://127.0.0.1:" + port + "/chat/cli?name=Cli");
        await().atMost(WAIT).until(() -> printed("* connected to"));

        try (WsClient member = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/chat/cli?name=Bea"))) {
            await().atMost(WAIT).until(() -> printed("{\"online\":[\"Bea\",\"Cli\"]}"));
            type(typed, "hello from the command line");
            await().atMost(WAIT).until(() -> member.texts.contains("hello from the command line"));
            member.sendText("hello back");
            await().atMost(WAIT).until(() -> printed("hello back"));
        }

        server.stop();
        await().atMost(WAIT).until(() -> printed("* disconnected: 1001 SERVER_CLOSED") && printed("* reconnecting in"));
        type(typed, "typed while the server was away");
        server = start(port);
        // The room sends each text to its sender too: the line held for the new connection comes back.
        await().atMost(WAIT).until(() -> printed("typed while the server was away"));
        try (WsClient member = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/chat/cli?name=Cy"))) {
            await().atMost(WAIT).until(() -> printed("{\"online\":[\"Cli\",\"Cy\"]}"));
            type(typed, "and after");
            await().atMost(WAIT).until(() -> member.texts.contains("and after"));
        }

        type(typed, "/quit");
        await().atMost(WAIT).until(() -> !client.isAlive());
        assertEquals(2, printed.toString().lines().filter(line -> line.startsWith("* connected to")).count(),
                printed.toString());
    }

    @Test
    void theDocsClientConnectsWithEverySettingItShows() {
        server = start(0);
        try (WsClient member = WsClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/chat/docs"))) {
            ClientSession chat = ClientSnippets.connect("ws://127.0.0.1:" + server.port() + "/chat/docs", () -> "t0k3n");
            await().atMost(WAIT).until(() -> member.texts.contains("hello"));
            assertEquals(ClientState.OPEN, chat.clientState());
            assertEquals("Bearer t0k3n", chat.header("Authorization"));
            chat.close();
            chat.closed().toCompletableFuture().join();
        }
    }
}
