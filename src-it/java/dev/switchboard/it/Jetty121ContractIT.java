package dev.switchboard.it;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;

/** The route and session contract on Eclipse Jetty 12.1 (ee11): the contract app as a WAR. */
class Jetty121ContractIT extends ContainerContractSuite {

    @Override
    protected Container newContainer() {
        return Containers.jetty121();
    }
}
