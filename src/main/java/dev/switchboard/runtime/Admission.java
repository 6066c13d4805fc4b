package dev.switchboard.runtime;

import dev.switchboard.HandshakeDecision;

/**
 * What the {@link HandshakeGate} decided about one upgrade request, carried from the route's configurator to the
 * session that opens on the connection: the request as the host read it, the route's acceptance (its headers and
 * the session's first attributes), and the place under the session limits it took.
 *
 * @param template the path template of the route it was made for
 * @param request  the request, with every header line unsplit and the peer's address
 * @param decision the route's acceptance
 * @param slot     the place under the session limits handed to the connection, or {@code null} if none was (the
 *                 session then takes one when it opens, if one is free)
 */
record Admission(String template, UpgradeRequest request, HandshakeDecision decision, SessionSlot slot) {

    /** The key in the user properties of the connection being upgraded; never mapped to {@code null}. */
    static final String KEY = Admission.class.getName();

    /**
     * What a connection can know of an upgrade request the gate did not see: the request as Jakarta WebSocket
     * gives it, headers perhaps split at commas, the peer address unknown.
     */
    static Admission unseen(String template, jakarta.websocket.server.HandshakeRequest request) {
        return new Admission(template, UpgradeRequest.portable(request), HandshakeDecision.accept(), null);
    }

    /** The same admission once its place was given back before a connection took it. */
    Admission withoutSlot() {
        return new Admission(template, request, decision, null);
    }
}
