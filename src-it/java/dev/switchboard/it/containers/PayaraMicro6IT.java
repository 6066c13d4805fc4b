package dev.switchboard.it.containers;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;
import dev.switchboard.it.clients.WsClient;

import java.net.URI;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/** Everything {@link ContainerSuite} checks, on Payara Micro 6 (EE 10, on JDK 21 at most). */
class PayaraMicro6IT extends ContainerSuite {

    @Override
    protected Container newContainer() {
        return Containers.payaramicro6();
    }

    /**
     * Payara Micro 6.2025.10 now and then never answers an upgrade it has accepted: the end of its request
     * processing fails on a recycled request ({@code PECoyoteConnector.requestEndEvent}: "connection is null",
     * then GRIZZLY0013 in {@code HttpServerFilter.afterService}) and the 101 is never flushed, so the client
     * times out. Seen in its log about once per few full runs, on other requests too; GlassFish never showed it.
     * Such a handshake is tried once more, so that what fails a test here is the contract, not that race.
     */
    @Override
    protected WsClient connect(URI uri) {
        try {
            return super.connect(uri);
        } catch (CompletionException e) {
            if (e.getCause() instanceof TimeoutException) {
                return super.connect(uri);
            }
            throw e;
        }
    }

    @Override
    protected boolean hasCdi() {
        return true;
    }

    @Override
    protected boolean runsSettingsApp() {
        return false;
    }
}
