package dev.switchboard.standalone;

import dev.switchboard.runtime.ExtensionOffer;
import jakarta.websocket.Extension;

import java.util.List;
import java.util.Optional;

/**
 * permessage-deflate (RFC 7692) as the standalone host offers it on every route, on {@code java.util.zip} alone.
 * For each handshake it takes the first of the client's offers it can honour ({@link DeflateAgreement}) and makes
 * that connection's {@link DeflateConnection}, which inflates no message past the largest limit of the routes.
 */
final class PerMessageDeflate implements ExtensionOffer {

    private final long maxMessageBytes;

    /**
     * @param maxMessageBytes the most bytes a message may inflate to: the largest message any route accepts,
     *                        below 2 GiB (a route's own smaller limit still applies to what it is handed)
     */
    PerMessageDeflate(long maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public String getName() {
        return DeflateAgreement.NAME;
    }

    @Override
    public List<Parameter> getParameters() {
        return List.of();
    }

    @Override
    public Optional<Extension> accept(List<Extension> requested) {
        if (requested == null) {
            return Optional.empty();
        }
        for (Extension offer : requested) {
            Optional<DeflateAgreement> agreement = DeflateAgreement.accept(offer);
            if (agreement.isPresent()) {
                return Optional.of(new DeflateConnection(agreement.get(), maxMessageBytes));
            }
        }
        return Optional.empty();
    }
}
