package dev.switchboard.it.examples;

import dev.switchboard.it.clients.WsClient;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The example app's echo and chat, checked the same way wherever it is served: standalone ({@link ExampleAppIT})
 * and in the contract app's WAR on every container.
 */
public final class ExampleAppChecks {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Function<String, WsClient> connect;

    /**
     * @param connect opens a client on a path of the app, e.g. {@code /chat/lobby}
     */
    public ExampleAppChecks(Function<String, WsClient> connect) {
        this.connect = connect;
    }

    /** {@code /echo} sends every text and binary message back. */
    public void echoSendsEveryMessageBack() {
        try (WsClient client = connect.apply("/echo")) {
            client.sendText("hello");
            client.sendBinary(new byte[]{1, 2, 3});
            await().atMost(WAIT).until(() -> client.texts.size() == 1 && client.binaries.size() == 1);
            assertEquals(List.of("hello"), client.texts);
            assertEquals(ByteBuffer.wrap(new byte[]{1, 2, 3}), client.binaries.get(0));
        }
    }

    /** A text to {@code /chat/{room}} reaches every session of that room, and none of another room. */
    public void chatReachesEverySessionOfTheRoomAndNoOther() {
        try (WsClient ann = connect.apply("/chat/lobby");
             WsClient bob = connect.apply("/chat/lobby");
             WsClient eve = connect.apply("/chat/kitchen")) {
            // Each member's own message comes back to it once it has joined: then all three are in.
            ann.sendText("ann here");
            bob.sendText("bob here");
            eve.sendText("eve here");
            await().atMost(WAIT).until(() -> ann.texts.contains("ann here") && bob.texts.contains("bob here")
                    && eve.texts.contains("eve here"));

            ann.sendText("hello lobby");

            await().atMost(WAIT).until(() -> ann.texts.contains("hello lobby") && bob.texts.contains("hello lobby"));
            eve.sendText("eve again");
            await().atMost(WAIT).until(() -> eve.texts.contains("eve again"));
            assertEquals(List.of("eve here", "eve again"), eve.texts);
        }
    }
}
