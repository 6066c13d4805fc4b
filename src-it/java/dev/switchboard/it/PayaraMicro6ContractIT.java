package dev.switchboard.it;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;

/** The route and session contract on Payara Micro 6 (EE 10, on JDK 21 at most): the contract app as a WAR. */
class PayaraMicro6ContractIT extends ContainerContractSuite {

    @Override
    protected Container newContainer() {
        return Containers.payaramicro6();
    }
}
