package dev.switchboard;

/**
 * A write was refused, or could not be completed, because the session is closing or closed.
 */
public class SessionClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused and why
     */
    public SessionClosedException(String message) {
        super(message);
    }
}
