package dev.switchboard.standalone;

import dev.switchboard.runtime.HandshakeGate;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.utils.IdleTimeoutFilter;

import java.util.function.BooleanSupplier;

/**
 * Puts WebSocket handling in front of Grizzly's HTTP handling, as Tyrus's own add-on does, but with Switchboard's
 * container for Tyrus: above the HTTP codec, the filter that checks and notes the upgrade request, then the one that
 * upgrades it ({@link TyrusUpgradeFilter}); below the codec, on the raw bytes, the {@link HandshakeGuard} and, first
 * of all, {@link UpgradedReads}, which hands an upgraded connection's bytes to Tyrus before anything else sees them.
 * Requests that are no upgrade to an endpoint fall through to HTTP: static files, or {@link PlainRequests}.
 */
final class SwitchboardAddOn implements AddOn {

    private final StandaloneContainer container;
    private final ClosingConnections closings;
    private final BooleanSupplier draining;
    private final HandshakeGate gate;
    private final HandshakeGuard guard;

    SwitchboardAddOn(StandaloneContainer container, ClosingConnections closings, BooleanSupplier draining,
                     HandshakeGate gate, HandshakeGuard guard) {
        this.container = container;
        this.closings = closings;
        this.draining = draining;
        this.gate = gate;
        this.guard = guard;
    }

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        // Grizzly's keep-alive timeout is off (a WebSocket connection is quiet as long as its users are), and the
        // HandshakeGuard bounds how long an HTTP connection waits for its next request: the idle filter would only
        // keep a record per connection and pass every event.
        int idle = builder.indexOfType(IdleTimeoutFilter.class);
        if (idle >= 0) {
            builder.remove(idle);
        }
        int http = builder.indexOfType(HttpServerFilter.class);
        builder.add(http, new TyrusUpgradeFilter(container.getWebSocketEngine(), container.largestPayload(), closings,
                guard));
        builder.add(http, new UpgradeRequestFilter(draining, gate, guard));
        // Below the codec (and above TLS, should there be any), where the bytes arrive.
        int codec = builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
        builder.add(codec, guard);
        builder.add(codec, new UpgradedReads());
    }
}
