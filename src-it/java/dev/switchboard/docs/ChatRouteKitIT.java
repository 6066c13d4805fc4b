package dev.switchboard.docs;

import dev.switchboard.Heartbeat;
import dev.switchboard.Switchboard;
import dev.switchboard.SwitchboardExtension;
import dev.switchboard.TestClient;
import dev.switchboard.TestConnection;
import dev.switchboard.example.ChatRoute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The example chat under the test kit's misbehaving client, as docs/testing.md shows it. */
class ChatRouteKitIT {

    // tag::extension[]
    @RegisterExtension
    static SwitchboardExtension chat = SwitchboardExtension.serving(Switchboard.builder()
            .host("127.0.0.1").port(0)
            .heartbeat(Heartbeat.every(Duration.ofSeconds(1)))
            .route(ChatRoute.class));
    // end::extension[]

    // tag::ignore-pings[]
    @Test
    void aMemberThatNoLongerAnswersPingsIsClosed(TestClient client, Switchboard server) {
        TestConnection gone = client.connect("/chat/lobby").ignorePings();

        assertEquals(new TestConnection.Close(1001, "heartbeat timeout"), gone.awaitClose());
        await().until(() -> server.openSessions() == 0);
    }
    // end::ignore-pings[]
}
