package dev.switchboard.it;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;

/** The route and session contract on Apache Tomcat 10.1 (EE 10): the contract app as a WAR. */
class Tomcat101ContractIT extends ContainerContractSuite {

    @Override
    protected Container newContainer() {
        return Containers.tomcat101();
    }
}
