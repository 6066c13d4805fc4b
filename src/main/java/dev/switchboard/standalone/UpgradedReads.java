package dev.switchboard.standalone;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;

/**
 * The first filter above the transport (and TLS): an upgraded connection's bytes go from here straight to its
 * {@link UpgradedConnection}, on the I/O thread that read them; nothing above, the HTTP codec included, sees them
 * or keeps anything for them. Other connections' bytes go on up, to the handshake checks and HTTP.
 */
final class UpgradedReads extends BaseFilter {

    /** Created once: Grizzly attributes are indexed for the life of the class loader. */
    private static final Attribute<UpgradedConnection> UPGRADED =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(UpgradedReads.class.getName() + ".upgraded");

    /**
     * Sends a connection's reads from now on to its upgraded connection, and it the news of the socket's close.
     *
     * @param socket   the Grizzly connection
     * @param upgraded what it became
     */
    static void upgraded(Connection<?> socket, UpgradedConnection upgraded) {
        UPGRADED.set(socket, upgraded);
        socket.addCloseListener(upgraded); // at once if the socket closed already, while the session opened
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) {
        UpgradedConnection upgraded = UPGRADED.get(ctx.getConnection());
        if (upgraded == null) {
            return ctx.getInvokeAction();
        }
        upgraded.read(ctx.getMessage());
        return ctx.getStopAction();
    }
}
