package dev.switchboard.docs;

// tag::annotation[]
import dev.switchboard.SwitchboardTest;
import dev.switchboard.TestClient;
import dev.switchboard.TestConnection;
import dev.switchboard.example.EchoRoute;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@SwitchboardTest(routes = EchoRoute.class)
class EchoRouteKitIT {

    @Test
    void echoesTextAndBinaryMessages(TestClient client) {
        TestConnection connection = client.connect("/echo");

        connection.sendText("hello");
        assertEquals("hello", connection.awaitText());

        connection.sendBinary(new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, connection.awaitBinary());
    }

    @Test
    void refusesAWrongPathWith404(TestClient client) {
        assertEquals(404, client.handshake("/nowhere").status());
    }
}
// end::annotation[]
