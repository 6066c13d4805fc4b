package dev.switchboard.standalone;

import jakarta.websocket.server.HandshakeRequest;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Notes the peer address of each request on the thread that reads it. Tyrus runs the whole handshake,
 * configurator included, synchronously in the next filter on that same thread, so the configurator can
 * pick the address up there; Tyrus's own request object carries the host but not the port.
 */
final class PeerAddressFilter extends BaseFilter {

    private static final ThreadLocal<InetSocketAddress> CURRENT = new ThreadLocal<>();

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Object peer = ctx.getConnection().getPeerAddress();
        CURRENT.set(peer instanceof InetSocketAddress address ? address : null);
        return ctx.getInvokeAction();
    }

    /** The peer address of the request being handled on this thread. */
    static InetSocketAddress of(HandshakeRequest request) {
        InetSocketAddress address = CURRENT.get();
        return address != null ? address : InetSocketAddress.createUnresolved("unknown", 0);
    }
}
