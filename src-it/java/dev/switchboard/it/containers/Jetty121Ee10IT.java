package dev.switchboard.it.containers;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;

/** Everything {@link ContainerSuite} checks, on Eclipse Jetty 12.1, ee10 environment. */
class Jetty121Ee10IT extends ContainerSuite {

    @Override
    protected Container newContainer() {
        return Containers.jetty121Ee10();
    }

    @Override
    protected boolean runsSettingsApp() {
        return false;
    }
}
