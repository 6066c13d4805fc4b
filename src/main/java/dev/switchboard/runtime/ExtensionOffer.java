package dev.switchboard.runtime;

import jakarta.websocket.Extension;

import java.util.List;
import java.util.Optional;

/**
 * An extension a host offers on its routes that answers a client's offers itself. Jakarta's default negotiation
 * (Tyrus's) takes the client's first offer of an extension's name and cannot decline it, while RFC 7692 lets a
 * client send several offers of permessage-deflate, in order of preference, and requires the server to decline
 * those whose parameters it cannot honour.
 */
public interface ExtensionOffer extends Extension {

    /**
     * Chooses among the client's offers, called once per handshake.
     *
     * @param requested every extension offer of the upgrade request, in the client's order
     * @return the extension as agreed for this connection, whose parameters are the response's; empty to decline
     */
    Optional<Extension> accept(List<Extension> requested);
}
