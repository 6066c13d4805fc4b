package dev.switchboard.it;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.ContainerSmokeChecks;
import dev.switchboard.containers.Containers;

/** The contract app as a WAR on WildFly 39, and the broken app refused there. */
class WildFly39IT extends ContainerSmokeChecks {

    @Override
    protected Container newContainer() {
        return Containers.wildfly39();
    }
}
