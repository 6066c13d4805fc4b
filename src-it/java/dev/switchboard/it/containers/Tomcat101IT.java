package dev.switchboard.it.containers;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;

/** Everything {@link ContainerSuite} checks, on Apache Tomcat 10.1 (EE 10). */
class Tomcat101IT extends ContainerSuite {

    @Override
    protected Container newContainer() {
        return Containers.tomcat101();
    }

    @Override
    protected boolean runsSettingsApp() {
        return false;
    }
}
