package dev.switchboard.it;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;

/** The route and session contract on Apache Tomcat 11 (EE 11): the contract app as a WAR. */
class Tomcat11ContractIT extends ContainerContractSuite {

    @Override
    protected Container newContainer() {
        return Containers.tomcat11();
    }
}
