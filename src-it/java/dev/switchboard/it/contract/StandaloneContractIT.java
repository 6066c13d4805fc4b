package dev.switchboard.it.contract;

import dev.switchboard.Switchboard;
import dev.switchboard.contract.ContractApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;

/**
 * The route and session contract on the standalone server (Tyrus + Grizzly).
 */
class StandaloneContractIT extends ContractSuite {

    private static Switchboard server;

    @BeforeAll
    static void start() {
        Switchboard.Builder builder = Switchboard.builder().host("127.0.0.1").port(0);
        ContractApp.ROUTES.forEach(builder::route);
        server = builder.build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Override
    protected URI base() {
        return URI.create("ws://127.0.0.1:" + server.port());
    }
}
