package dev.switchboard.runtime;

import java.nio.charset.StandardCharsets;

/**
 * Which close codes and reasons an application may send (RFC 6455, sections 5.5.1 and 7.4).
 */
final class CloseCodes {

    private static final int MAX_REASON_BYTES = 123;

    private CloseCodes() {
    }

    static void check(int code, String reason) {
        boolean sendable = (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014)
                || (code >= 3000 && code <= 4999);
        if (!sendable) {
            throw new IllegalArgumentException("Close code " + code + " may not be sent: use 1000-1003, "
                    + "1007-1014, or 3000-4999 for application codes");
        }
        if (reason != null && reason.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            throw new IllegalArgumentException("A close reason has at most " + MAX_REASON_BYTES
                    + " UTF-8 bytes, was " + reason.getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
