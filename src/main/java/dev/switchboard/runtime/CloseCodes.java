package dev.switchboard.runtime;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;

import java.nio.charset.StandardCharsets;

/**
 * Which close codes and reasons an application may send (RFC 6455, sections 5.5.1 and 7.4).
 */
final class CloseCodes {

    private static final int MAX_REASON_BYTES = 123;

    private CloseCodes() {
    }

    /** What a close code the host reported says of the close's cause. */
    static CloseCause causeOf(int code) {
        return switch (code) {
            case CloseStatus.ABNORMAL -> CloseCause.CONNECTION_LOST;
            case CloseStatus.PROTOCOL_ERROR, CloseStatus.INVALID_PAYLOAD -> CloseCause.PROTOCOL_ERROR;
            case CloseStatus.TOO_BIG -> CloseCause.TOO_BIG;
            default -> CloseCause.CLIENT_CLOSED;
        };
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
