package dev.switchboard.runtime;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * A host's way to put a whole, already encoded frame on one connection, in order with the frames the host
 * writes itself, and never after its close frame. Hosts that have one hand it over in {@link Host#sharedFrames}.
 */
public interface FrameWriter {

    /**
     * Starts writing the frame; {@code done} receives {@code null} once it is handed to the socket, or the
     * failure (also when the connection's close frame was already written).
     *
     * @param frame the frame, read from its position to its limit
     * @param done  told of the outcome, possibly on another thread
     */
    void write(ByteBuffer frame, Consumer<Throwable> done);
}
