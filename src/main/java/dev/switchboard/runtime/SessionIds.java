package dev.switchboard.runtime;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Session ids of one shape on every host: 128 random bits from a {@link SecureRandom}, in 22 URL-safe Base64
 * characters. A host's own ids are not used: Tomcat counts from "0", others differ, and a guessable id lets
 * anyone who learns one name another session, in logs, admin tools or a cluster's messages.
 */
final class SessionIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SessionIds() {
    }

    /** A new id; two alike are out of practical reach (the birthday bound of 128 bits is 2^64 ids). */
    static String next() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return ENCODER.encodeToString(bits);
    }
}
