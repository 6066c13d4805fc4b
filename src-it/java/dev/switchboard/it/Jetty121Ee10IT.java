package dev.switchboard.it;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.ContainerSmokeChecks;
import dev.switchboard.containers.Containers;

/** The contract app as a WAR on Eclipse Jetty 12.1, ee10 environment, and the broken app refused there. */
class Jetty121Ee10IT extends ContainerSmokeChecks {

    @Override
    protected Container newContainer() {
        return Containers.jetty121Ee10();
    }
}
