package dev.switchboard.it;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;

/** The route and session contract on Eclipse Jetty 12.1 (ee10): the contract app as a WAR. */
class Jetty121Ee10ContractIT extends ContainerContractSuite {

    @Override
    protected Container newContainer() {
        return Containers.jetty121Ee10();
    }
}
