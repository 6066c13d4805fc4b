package dev.switchboard.it;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;
import dev.switchboard.containers.RequiresContainers;
import dev.switchboard.containers.WarBuilder;
import dev.switchboard.contract.PlainServlet;
import dev.switchboard.it.clients.Handshake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The route and session contract on one container: the contract app as a WAR, deployed before the first test
 * and the container stopped after the last. A container's test class names the container and nothing else.
 * Besides the contract, what only a WAR has: a servlet of the application's own.
 */
@RequiresContainers
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContainerContractSuite extends ContractSuite {

    private Container container;

    /** A new, stopped container. */
    protected abstract Container newContainer();

    @BeforeAll
    void startContainer() {
        container = newContainer().deploy(WarBuilder.contractApp()).start();
    }

    @AfterAll
    void stopContainer() {
        Containers.stop(container);
    }

    @Override
    protected URI base() {
        return container.base();
    }

    @Test
    void aServletOnARoutesPathAnswersItsPlainRequests() throws IOException {
        Handshake page = Handshake.attempt(uri("/contract/servlet"), "GET", Map.of());
        assertEquals("200 " + PlainServlet.BODY, page.status() + " " + page.body());
    }
}
