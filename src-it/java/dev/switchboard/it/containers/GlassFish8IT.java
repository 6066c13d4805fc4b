package dev.switchboard.it.containers;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;

/** Everything {@link ContainerSuite} checks, on Eclipse GlassFish 8 (EE 11, on JDK 21+). */
class GlassFish8IT extends ContainerSuite {

    @Override
    protected Container newContainer() {
        return Containers.glassfish8();
    }

    /**
     * {@code asadmin stop-domain} closes GlassFish's network listeners before it stops the applications, so open
     * connections are cut (1006) before the app can say 1001. Undeploying the app does give 1001.
     */
    @Override
    protected int closeCodeOnStop() {
        return 1006;
    }

    @Override
    protected boolean hasCdi() {
        return true;
    }
}
