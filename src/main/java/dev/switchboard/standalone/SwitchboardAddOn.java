package dev.switchboard.standalone;

import dev.switchboard.runtime.HandshakeGate;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.tyrus.container.grizzly.server.GrizzlyServerFilter;
import org.glassfish.tyrus.server.TyrusServerContainer;

import java.util.function.BooleanSupplier;

/**
 * Puts WebSocket handling in front of Grizzly's HTTP handling, as Tyrus's own add-on does, with the
 * filter that checks and notes the upgrade request just before it, and the {@link HandshakeGuard} on the raw
 * bytes before the HTTP codec. Requests that are no upgrade to a route fall through to HTTP: static files, or
 * {@link PlainRequests}.
 */
final class SwitchboardAddOn implements AddOn {

    private final TyrusServerContainer container;
    private final BooleanSupplier draining;
    private final HandshakeGate gate;
    private final HandshakeGuard guard;

    SwitchboardAddOn(TyrusServerContainer container, BooleanSupplier draining, HandshakeGate gate,
                     HandshakeGuard guard) {
        this.container = container;
        this.draining = draining;
        this.gate = gate;
        this.guard = guard;
    }

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int http = builder.indexOfType(HttpServerFilter.class);
        builder.add(http, new GrizzlyServerFilter(container, StandaloneContainer.CONTEXT_PATH));
        builder.add(http, new UpgradeRequestFilter(draining, gate, guard));
        // Below the codec (and above TLS, should there be any), where the bytes of a request head arrive.
        builder.add(builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class), guard);
    }
}
