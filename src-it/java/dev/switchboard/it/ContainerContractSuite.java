package dev.switchboard.it;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;
import dev.switchboard.containers.RequiresContainers;
import dev.switchboard.containers.WarBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;

/**
 * The route and session contract on one container: the contract app as a WAR, deployed before the first test
 * and the container stopped after the last. A container's test class names the container and nothing else.
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
}
