package dev.switchboard.it;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;
import dev.switchboard.containers.RequiresContainers;
import dev.switchboard.containers.WarBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;

/** The route and session contract on Eclipse GlassFish 8 (EE 11, on JDK 21+): the contract app as a WAR. */
@RequiresContainers
class GlassFish8ContractIT extends ContractSuite {

    private static Container container;

    @BeforeAll
    static void start() {
        container = Containers.glassfish8().deploy(WarBuilder.contractApp()).start();
    }

    @AfterAll
    static void stop() {
        Containers.stop(container);
    }

    @Override
    protected URI base() {
        return container.base();
    }
}
