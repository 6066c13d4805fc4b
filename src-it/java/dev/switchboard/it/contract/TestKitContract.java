package dev.switchboard.it.contract;

import dev.switchboard.TestClient;
import dev.switchboard.TestConnection;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The test kit's misbehaving client against the contract app on every host, a WAR on each container included: a
 * text frame written in chops and a message in fragments arrive whole, and a frame with reserved bits set is refused
 * with 1002 while other sessions carry on. (A frame that announces more than the limit is refused by its head on the
 * standalone host only, see {@code MisbehavingClientIT}: a container reads the payload first.) Route:
 * {@code ContractRoute}, which echoes texts that start with {@code echo:}.
 */
public interface TestKitContract {

    /**
     * A URI of the app.
     *
     * @param pathAndQuery the path and query after the app's root
     * @return the URI
     */
    URI appUri(String pathAndQuery);

    @Test
    default void theTestKitsChoppedFrameAndFragmentedMessageArriveWhole() {
        try (TestClient client = TestClient.of(appUri(""))) {
            TestConnection connection = client.connect("/contract/kit?name=kit-chopped");
            String text = "echo:written seven bytes at a time, " + "é€😀 ".repeat(20);

            connection.sendChopped(text, 7, Duration.ofMillis(5));
            assertEquals(text.substring(5), connection.awaitText());

            // Fragments split between characters here: Open Liberty 26 refuses a fragment that ends inside a UTF-8
            // character with 1007 (RFC 6455 allows it; the standalone server takes it, see MisbehavingClientIT).
            String ascii = "echo:" + "in fragments of eleven bytes ".repeat(5);
            connection.sendFragmented(ascii, 11, Duration.ofMillis(5));
            assertEquals(ascii.substring(5), connection.awaitText());
        }
    }

    @Test
    default void theTestKitsMalformedFrameIsRefusedWith1002AndOthersCarryOn() {
        try (TestClient client = TestClient.of(appUri(""))) {
            TestConnection malformed = client.connect("/contract/kit?name=kit-malformed");
            TestConnection bystander = client.connect("/contract/kit?name=kit-bystander");

            malformed.sendMalformed();

            assertEquals(1002, malformed.awaitClose().code());
            assertTrue(malformed.awaitSocketClosed().isClosed());
            bystander.sendText("echo:still here");
            assertEquals("still here", bystander.awaitText());
        }
    }
}
