package dev.switchboard.standalone;

import java.time.Duration;

/**
 * How much a client may send, and for how long, before its request is answered: limits against clients that
 * hold connections with handshakes that never end or never fit.
 *
 * @param timeout        how long a connection may take to deliver a whole request head, counted from the
 *                       connection's accept or from the end of the previous HTTP response; zero for no limit
 * @param maxHeaderBytes the largest request head (request line and headers) accepted
 */
record HandshakeLimits(Duration timeout, int maxHeaderBytes) {
}
