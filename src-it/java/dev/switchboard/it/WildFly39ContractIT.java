package dev.switchboard.it;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** The route and session contract on WildFly 39: the contract app as a WAR. */
class WildFly39ContractIT extends ContainerContractSuite {

    @Override
    protected Container newContainer() {
        return Containers.wildfly39();
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
