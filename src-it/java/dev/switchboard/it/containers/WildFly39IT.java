package dev.switchboard.it.containers;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;

/** Everything {@link ContainerSuite} checks, on WildFly 39. */
class WildFly39IT extends ContainerSuite {

    @Override
    protected Container newContainer() {
        return Containers.wildfly39();
    }

    @Override
    protected boolean hasCdi() {
        return true;
    }
}
