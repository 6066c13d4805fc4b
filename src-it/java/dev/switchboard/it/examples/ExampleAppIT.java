package dev.switchboard.it.examples;

import dev.switchboard.Switchboard;
import dev.switchboard.example.ExampleApp;
import dev.switchboard.it.clients.Handshake;
import dev.switchboard.it.clients.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The example app that the README shows and its run command serves.
 */
class ExampleAppIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static Switchboard server;

    @BeforeAll
    static void start() {
        server = ExampleApp.server().host("127.0.0.1").port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + server.port() + path);
    }

    @Test
    void inboxLetsInTokenHoldersByQueryOrSubprotocolAndRefusesOthersWith401() throws IOException {
        try (WsClient alice = WsClient.connect(uri("/inbox?token=alice-token"));
             WsClient bob = WsClient.connectOffering(uri("/inbox"), "bearer", "bob-token")) {
            alice.sendText("hi");
            await().atMost(WAIT).until(() -> alice.texts.size() == 2 && bob.texts.size() == 1);
            assertEquals(List.of("welcome alice", "alice noted: hi"), alice.texts);
            assertEquals(List.of("welcome bob"), bob.texts);
            assertEquals("bearer", bob.socket().getSubprotocol());
        }
        Handshake refused = Handshake.attempt(uri("/inbox?token=stolen"));
        assertEquals("401 sign in first", refused.status() + " " + refused.body());
    }

    @Test
    void echoSendsEveryMessageBack() {
        checks().echoSendsEveryMessageBack();
    }

    @Test
    void chatReachesEverySessionOfTheRoomAndNoOther() {
        checks().chatReachesEverySessionOfTheRoomAndNoOther();
    }

    private static ExampleAppChecks checks() {
        return new ExampleAppChecks(path -> WsClient.connect(uri(path)));
    }

    @Test
    void namedClientsAreListedOnlineInTheirRoom() {
        String onlyAnn = "{\"online\":[\"Ann\"]}";
        String annAndBo = "{\"online\":[\"Ann\",\"Bo \\\"b\\\"\"]}"; // the name Bo "b", escaped
        try (WsClient watcher = WsClient.connect(uri("/chat/porch"));
             WsClient elsewhere = WsClient.connect(uri("/chat/attic?name=Cy"));
             WsClient ann = WsClient.connect(uri("/chat/porch?name=Ann"))) {
            await().atMost(WAIT).until(() -> watcher.texts.contains(onlyAnn) && ann.texts.contains(onlyAnn));
            try (WsClient bo = WsClient.connect(uri("/chat/porch?name=Bo%20%22b%22"))) {
                await().atMost(WAIT).until(() -> ann.texts.contains(annAndBo) && bo.texts.contains(annAndBo));
            }
            await().atMost(WAIT).until(() -> ann.texts.size() == 3);

            // An unnamed client comes and goes without a presence message.
            try (WsClient anonymous = WsClient.connect(uri("/chat/porch"))) {
                anonymous.sendText("anonymous here");
                await().atMost(WAIT).until(() -> anonymous.texts.contains("anonymous here"));
            }
            ann.sendText("ann again");
            await().atMost(WAIT).until(() -> ann.texts.contains("ann again"));

            assertEquals(List.of(onlyAnn, annAndBo, onlyAnn, "anonymous here", "ann again"), ann.texts);
            assertEquals(List.of(onlyAnn, annAndBo, onlyAnn, "anonymous here", "ann again"), watcher.texts);
            await().atMost(WAIT).until(() -> !elsewhere.texts.isEmpty());
            assertEquals(List.of("{\"online\":[\"Cy\"]}"), elsewhere.texts); // no other room's news
        }
    }
}
