package dev.switchboard.it;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;
import dev.switchboard.containers.RequiresContainers;
import dev.switchboard.containers.WarBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.net.URI;

/** The route and session contract on WildFly 39: the contract app as a WAR. */
@RequiresContainers
class WildFly39ContractIT extends ContractSuite {

    private static Container container;

    @BeforeAll
    static void start() {
        container = Containers.wildfly39().deploy(WarBuilder.contractApp()).start();
    }

    @AfterAll
    static void stop() {
        Containers.stop(container);
    }

    @Override
    protected URI base() {
        return container.base();
    }

    /**
     * Undertow answers the client's close frame on its I/O thread while the message that came just before
     * it is still being handled on a worker thread, so the reply usually loses the race (DESIGN.md section
     * 4). Closing this gap takes an Undertow host adapter; until then WildFly breaks this promise.
     */
    @Override
    @Test
    @Disabled("Known WildFly gap: a reply to the last message before the client's close is lost; needs an Undertow adapter")
    void replyToTheLastMessageBeforeTheClientsCloseStillArrives() {
    }
}
