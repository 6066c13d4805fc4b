package dev.switchboard.it;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.ContainerSmokeChecks;
import dev.switchboard.containers.Containers;

/** The contract app as a WAR on Open Liberty 26 (servlet-6.0, websocket-2.1), and the broken app refused there. */
class OpenLiberty26IT extends ContainerSmokeChecks {

    @Override
    protected Container newContainer() {
        return Containers.openliberty26();
    }

    /**
     * Liberty's server stop quiesces its HTTP endpoint first, which ends open connections (1006), and stops the
     * applications after. Undeploying the app does give 1001.
     */
    @Override
    protected int closeCodeOnStop() {
        return 1006;
    }
}
