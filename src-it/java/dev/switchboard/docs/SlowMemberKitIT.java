package dev.switchboard.docs;

import dev.switchboard.SwitchboardTest;
import dev.switchboard.TestClient;
import dev.switchboard.TestConnection;
import dev.switchboard.example.ChatRoute;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A chat member that stops reading, as docs/testing.md shows it: on the default heartbeat, since a member that does
 * not read does not answer pings either, and a short heartbeat would close it before it reads again.
 */
@SwitchboardTest(routes = ChatRoute.class)
class SlowMemberKitIT {

    // tag::stop-reading[]
    @Test
    void aMemberThatStopsReadingHoldsNobodyUp(TestClient client) {
        TestConnection ann = client.connect("/chat/lobby");
        TestConnection bob = client.connect("/chat/lobby");

        bob.stopReading();
        for (int i = 0; i < 100; i++) {
            ann.sendText("message " + i);
            assertEquals("message " + i, ann.awaitText()); // the room's broadcast reaches Ann too
        }

        bob.resumeReading();
        await().until(() -> bob.texts().size() == 100); // nothing was lost while Bob did not read
    }
    // end::stop-reading[]
}
