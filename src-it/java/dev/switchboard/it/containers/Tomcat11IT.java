package dev.switchboard.it.containers;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;

/** Everything {@link ContainerSuite} checks, on Apache Tomcat 11 (EE 11). */
class Tomcat11IT extends ContainerSuite {

    @Override
    protected Container newContainer() {
        return Containers.tomcat11();
    }
}
