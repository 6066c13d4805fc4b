package dev.switchboard.runtime;

import dev.switchboard.CloseCause;

/** Which end of the connection a session is: what its own close and the peer's are called. */
enum Side {
    /** A server's session: the peer is a client. */
    SERVER(CloseCause.CLIENT_CLOSED, CloseCause.SERVER_CLOSED),
    /** A client's session: the peer is a server. */
    CLIENT(CloseCause.SERVER_CLOSED, CloseCause.CLIENT_CLOSED);

    private final CloseCause peerClose;
    private final CloseCause ownClose;

    Side(CloseCause peerClose, CloseCause ownClose) {
        this.peerClose = peerClose;
        this.ownClose = ownClose;
    }

    /** The cause of a close the host reports with this code: the peer's close frame, unless the code says more. */
    CloseCause causeOf(int code) {
        CloseCause cause = CloseCodes.causeOf(code);
        return cause == CloseCause.CLIENT_CLOSED ? peerClose : cause;
    }

    /** The cause of a close this end's application asked for. */
    CloseCause ownClose() {
        return ownClose;
    }
}
