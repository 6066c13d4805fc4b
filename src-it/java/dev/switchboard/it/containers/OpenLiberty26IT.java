package dev.switchboard.it.containers;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;

/** Everything {@link ContainerSuite} checks, on Open Liberty 26 (servlet-6.0, websocket-2.1). */
class OpenLiberty26IT extends ContainerSuite {

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

    @Override
    protected boolean hasCdi() {
        return true;
    }
}
