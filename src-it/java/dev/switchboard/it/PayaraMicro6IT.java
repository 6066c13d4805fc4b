package dev.switchboard.it;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.ContainerSmokeChecks;
import dev.switchboard.containers.Containers;

/** The contract app as a WAR on Payara Micro 6 (EE 10, on JDK 21 at most), and the broken app refused there. */
class PayaraMicro6IT extends ContainerSmokeChecks {

    @Override
    protected Container newContainer() {
        return Containers.payaramicro6();
    }
}
