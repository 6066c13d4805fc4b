package dev.switchboard.example;

import dev.switchboard.ClientSession;
import dev.switchboard.ClientState;
import dev.switchboard.CloseStatus;
import dev.switchboard.OnConnected;
import dev.switchboard.OnDisconnected;
import dev.switchboard.OnText;
import dev.switchboard.Reconnect;
import dev.switchboard.WebSocketClient;
import dev.switchboard.WebSocketConnector;
import dev.switchboard.WebSocketSession;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

// tag::client[]
/**
 * A command-line chat: connects to the example app's {@link ChatRoute}, prints what the room says, and says each
 * line typed. It reconnects when the server restarts, and lines typed meanwhile wait for the new connection.
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=dev.switchboard.example.ChatClient \
 *     -Dexec.args="ws://localhost:8080/chat/lobby?name=Ann"
 * </pre>
 * Type {@code /quit} (or end the input) to leave.
 */
@WebSocketClient
public class ChatClient {

    @OnConnected
    void connected(WebSocketSession session) {
        System.out.println("* connected to " + session.requestUri());
    }

    @OnText
    void heard(String text) {
        System.out.println(text);
    }

    @OnDisconnected
    void disconnected(CloseStatus status) {
        System.out.println("* disconnected: " + status.code() + " " + status.cause());
    }

    public static void main(String[] args) throws IOException {
        String uri = args.length > 0 ? args[0] : "ws://localhost:8080/chat/lobby?name=" + System.getProperty("user.name");
        ClientSession chat = WebSocketConnector.of(ChatClient.class)
                .uri(uri)
                .reconnect(Reconnect.withBackoff().queueWhileReconnecting())
                .onStateChange(change -> {
                    if (change.state() == ClientState.RECONNECTING) {
                        System.out.println("* reconnecting in " + change.nextAttemptIn().toMillis() + " ms");
                    }
                })
                .connect().toCompletableFuture().join();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null && !line.equals("/quit"); ) {
            chat.writeText(line).exceptionally(failure -> {
                System.out.println("* not sent: " + failure.getMessage());
                return null;
            });
        }
        chat.close();
        chat.closed().toCompletableFuture().join();
    }
}
// end::client[]
