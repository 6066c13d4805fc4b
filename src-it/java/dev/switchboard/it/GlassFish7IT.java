package dev.switchboard.it;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.ContainerSmokeChecks;
import dev.switchboard.containers.Containers;

/** The contract app as a WAR on Eclipse GlassFish 7 (EE 10, on JDK 21 at most), and the broken app refused there. */
class GlassFish7IT extends ContainerSmokeChecks {

    @Override
    protected Container newContainer() {
        return Containers.glassfish7();
    }

    /** As on GlassFish 8: {@code asadmin stop-domain} closes the network listeners before it stops the apps. */
    @Override
    protected int closeCodeOnStop() {
        return 1006;
    }
}
