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
 * text frame written in chops and a message in fragments arrive whole, a frame with reserved bits set is refused
 * with 1002 and one announcing more than the message limit with 1009. Route: {@code ContractRoute}, which echoes
 * texts that start with {@code echo:}.
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

            connection.sendFragmented(text, 11, Duration.ofMillis(5));
            assertEquals(text.substring(5), connection.awaitText());
        }
    }

    @Test
    default void theTestKitsMalformedAndOversizedFramesAreRefused() {
        try (TestClient client = TestClient.of(appUri(""))) {
            TestConnection malformed = client.connect("/contract/kit?name=kit-malformed");
            TestConnection oversized = client.connect("/contract/kit?name=kit-oversized");

            malformed.sendMalformed();
            oversized.sendOversized(1L << 30);

            assertEquals(1002, malformed.awaitClose().code());
            assertEquals(1009, oversized.awaitClose().code());
            assertTrue(oversized.awaitSocketClosed().isClosed());
        }
    }
}
