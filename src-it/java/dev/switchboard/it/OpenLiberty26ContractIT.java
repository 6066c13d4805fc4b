package dev.switchboard.it;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;

/** The route and session contract on Open Liberty 26 (servlet-6.0, websocket-2.1): the contract app as a WAR. */
class OpenLiberty26ContractIT extends ContainerContractSuite {

    @Override
    protected Container newContainer() {
        return Containers.openliberty26();
    }
}
