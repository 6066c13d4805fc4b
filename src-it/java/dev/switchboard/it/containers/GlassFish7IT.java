package dev.switchboard.it.containers;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;

/** Everything {@link ContainerSuite} checks, on Eclipse GlassFish 7 (EE 10, on JDK 21 at most). */
class GlassFish7IT extends ContainerSuite {

    @Override
    protected Container newContainer() {
        return Containers.glassfish7();
    }

    /** As on GlassFish 8: {@code asadmin stop-domain} closes the network listeners before it stops the apps. */
    @Override
    protected int closeCodeOnStop() {
        return 1006;
    }

    @Override
    protected boolean hasCdi() {
        return true;
    }

    @Override
    protected boolean runsSettingsApp() {
        return false;
    }

    /**
     * GlassFish 7 gives a WAR its own jackson-annotations 2.18 before the WAR's (it delegates to the server first),
     * and Jackson 3.3 needs 2.20 or later. An application that uses Jackson 3 there sets
     * {@code <class-loader delegate="false"/>} in its {@code glassfish-web.xml}, which the contract app does not.
     */
    @Override
    public boolean servesJackson3() {
        return false;
    }
}
