package dev.switchboard.it.client;

import dev.switchboard.ClientSession;
import dev.switchboard.ClientState;
import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.WebSocketConnector;
import dev.switchboard.it.NodeJs;
import dev.switchboard.it.client.ClientIT.Note;
import dev.switchboard.it.client.ClientIT.Recorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The client against a server that is not Switchboard: Node's {@code ws} ({@code src-it/browser/ws-server.mjs}),
 * with typed messages both ways and the server's close.
 */
class NodeServerClientIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private Process node;

    @AfterEach
    void stopNode() throws InterruptedException {
        if (node != null) {
            node.destroy();
            node.waitFor();
        }
    }

    private int startNode() throws IOException {
        node = new ProcessBuilder(NodeJs.withWs("The client's test against Node's ws"), "ws-server.mjs")
                .directory(NodeJs.SCRIPT_DIR.toFile()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertNotNull(line, "ws-server.mjs ended without listening");
        return Integer.parseInt(line.substring("port ".length()).trim());
    }

    @Test
    void talksTypedMessagesWithNodesWsAndEndsWithItsClose() throws IOException {
        int port = startNode();
        Recorder recorder = new Recorder();
        ClientSession session = WebSocketConnector.of(recorder).uri("ws://127.0.0.1:" + port + "/anything")
                .connect().toCompletableFuture().join();

        await().atMost(WAIT).until(() -> recorder.notes.contains(new Note("welcome", 0)));
        session.writeObject(new Note("from java", 41));
        session.writeData("{\"text\":\"as binary\",\"n\":1}".getBytes(StandardCharsets.UTF_8));
        await().atMost(WAIT).until(() -> recorder.notes.size() == 3);
        assertEquals(List.of(new Note("welcome", 0), new Note("FROM JAVA", 42), new Note("AS BINARY", 2)),
                recorder.notes);

        session.writeText("bye");
        CloseStatus closed = session.closed().toCompletableFuture().join();
        assertEquals(1000, closed.code());
        assertEquals("bye", closed.reason());
        assertEquals(CloseCause.SERVER_CLOSED, closed.cause());
        assertEquals(ClientState.CLOSED, session.clientState());
        assertEquals(List.of(closed), recorder.disconnects);
    }
}
