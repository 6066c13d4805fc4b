package dev.switchboard.it;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;

/** The route and session contract on Eclipse GlassFish 8 (EE 11, on JDK 21+): the contract app as a WAR. */
class GlassFish8ContractIT extends ContainerContractSuite {

    @Override
    protected Container newContainer() {
        return Containers.glassfish8();
    }
}
