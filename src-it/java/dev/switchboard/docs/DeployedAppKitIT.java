package dev.switchboard.docs;

import dev.switchboard.SwitchboardTest;
import dev.switchboard.TestClient;
import dev.switchboard.TestConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The test kit against an application that is already running, as docs/testing.md shows it: it runs when the
 * system property {@code app.uri} names one, e.g. {@code -Dapp.uri=ws://127.0.0.1:8080/app} (the contract suite's
 * {@code TestKitContract} does the same on every container).
 */
@EnabledIfSystemProperty(named = "app.uri", matches = ".+")
// tag::war[]
@SwitchboardTest(uri = "${app.uri}")
class DeployedAppKitIT {

    @Test
    void refusesAMalformedFrameWith1002(TestClient client) {
        TestConnection connection = client.connect("/echo");

        connection.sendMalformed();

        assertEquals(1002, connection.awaitClose().code());
    }
}
// end::war[]
