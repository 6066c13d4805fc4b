package dev.switchboard.it;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.ContainerSmokeChecks;
import dev.switchboard.containers.Containers;

/** The contract app as a WAR on Apache Tomcat 10.1 (EE 10), and the broken app refused there. */
class Tomcat101IT extends ContainerSmokeChecks {

    @Override
    protected Container newContainer() {
        return Containers.tomcat101();
    }
}
