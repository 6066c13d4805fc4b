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

/** The route and session contract on Eclipse Jetty 12.1, ee11 environment: the contract app as a WAR. */
@RequiresContainers
class Jetty121ContractIT extends ContractSuite {

    private static Container container;

    @BeforeAll
    static void start() {
        container = Containers.jetty121().deploy(WarBuilder.contractApp()).start();
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
     * On Jetty the close frame of a slow-consumer close never leaves (the client reads nothing), Jetty never
     * reports the close, and Switchboard gives up after its 10 s close grace with 1006 "the client never
     * confirmed the close" (cause SLOW_CONSUMER) instead of 1008.
     */
    @Override
    @Test
    @Disabled("Jetty 12.1: reported as 1006 after the 10 s close grace, not 1008: needs a runtime change (see the "
            + "container harness report)")
    void fullQueueClosesTheSessionWhenTheRouteSaysSo() {
    }
}
