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
public record HandshakeLimits(Duration timeout, int maxHeaderBytes) {

    /** 10 seconds: ample for a slow mobile network, short for a client that trickles. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** 16 KiB, as Node's HTTP server: room for large cookies, twice Grizzly's default. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;

    /** The defaults. */
    public static final HandshakeLimits DEFAULT = new HandshakeLimits(DEFAULT_TIMEOUT, DEFAULT_MAX_HEADER_BYTES);
}
