package dev.switchboard.docs;

import dev.switchboard.ClientSession;
import dev.switchboard.ClientState;
import dev.switchboard.Heartbeat;
import dev.switchboard.Reconnect;
import dev.switchboard.WebSocketConnector;
import dev.switchboard.example.ChatClient;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The client as docs/client.md shows it; {@code ChatClientIT} runs it against the example app.
 */
public final class ClientSnippets {

    private ClientSnippets() {
    }

    /**
     * A chat client with every setting the docs show, connected.
     *
     * @param uri    the chat room's URI
     * @param tokens where a fresh token comes from
     * @return the client's session
     */
    public static ClientSession connect(String uri, Supplier<String> tokens) {
        // tag::connect[]
        ClientSession chat = WebSocketConnector.of(ChatClient.class)
                .uri(uri)                                               // ws:// or wss:// (and .sslContext(...))
                .header("Authorization", "Bearer " + tokens.get())
                .handshakeTimeout(Duration.ofSeconds(5))
                .heartbeat(Heartbeat.every(Duration.ofSeconds(20)))     // finds a server that vanished
                .reconnect(Reconnect.withBackoff(Duration.ofMillis(250), Duration.ofSeconds(30))
                        .maxAttempts(50)                                // in a row; 0 (the default) for no end
                        .queueWhileReconnecting())                      // else writes fail while away
                .refreshHeaders(() -> Map.of("Authorization", "Bearer " + tokens.get())) // after a 401 or 403
                .onStateChange(change -> {
                    if (change.state() == ClientState.RECONNECTING) {
                        System.out.println("reconnecting in " + change.nextAttemptIn());
                    }
                })
                .connect()                                              // completes once the first connection opened
                .toCompletableFuture().join();
        chat.writeText("hello");
        // end::connect[]
        return chat;
    }
}
