package dev.switchboard.standalone;

import dev.switchboard.runtime.FrameWriter;

import java.util.function.Supplier;

/**
 * Hands a host's {@link FrameWriter} to the session that the host's connection opens. Tyrus opens the route's
 * endpoint inside its connection's creation, on the creating thread, which is where the host knows its writer.
 */
final class OpeningConnection {

    private static final ThreadLocal<FrameWriter> WRITER = new ThreadLocal<>();

    private OpeningConnection() {
    }

    /**
     * Creates a connection whose session, opened on this thread meanwhile, writes shared frames with {@code writer}.
     *
     * @param writer the connection's frame writer
     * @param create creates the connection, opening its endpoint
     * @param <T>    the connection's type
     * @return what {@code create} returned
     */
    static <T> T open(FrameWriter writer, Supplier<T> create) {
        WRITER.set(writer);
        try {
            return create.get();
        } finally {
            WRITER.remove();
        }
    }

    /** The frame writer of the connection opening on this thread, or {@code null}. */
    static FrameWriter writer() {
        return WRITER.get();
    }
}
