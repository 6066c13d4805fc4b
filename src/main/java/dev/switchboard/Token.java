package dev.switchboard;

import java.util.Objects;
import java.util.Optional;

/**
 * A credential read from a handshake. Its {@link #toString()} never shows the value, so logging a token, or an
 * object holding one, does not leak it; {@link #value()} gives the secret to whatever verifies it.
 *
 * @param value the secret, never empty
 */
public record Token(String value) {

    /**
     * A token.
     *
     * @param value the secret
     * @throws IllegalArgumentException if the value is empty
     */
    public Token {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("A token is never empty");
        }
    }

    /** A token from a value that may be missing or empty. */
    static Optional<Token> of(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(new Token(value));
    }

    @Override
    public String toString() {
        return "Token[redacted]";
    }
}
