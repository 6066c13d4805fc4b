package dev.switchboard;

/**
 * A write was refused because the session's outbound queue is full: the client reads slower than the
 * server writes. See {@link SendQueueLimits}.
 */
public class SendOverflowException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which limit was reached, with the figures
     */
    public SendOverflowException(String message) {
        super(message);
    }
}
