package dev.switchboard.it;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;

/** The route and session contract on WildFly 39: the contract app as a WAR. */
class WildFly39ContractIT extends ContainerContractSuite {

    @Override
    protected Container newContainer() {
        return Containers.wildfly39();
    }
}
