package dev.switchboard.standalone;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.CloseListener;
import org.glassfish.grizzly.Closeable;
import org.glassfish.grizzly.ICloseType;
import org.glassfish.grizzly.memory.ByteBufferArray;
import org.glassfish.tyrus.core.CloseReasons;
import org.glassfish.tyrus.spi.Connection;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One upgraded connection, all the transport keeps of it: Tyrus's connection, read through its {@link FrameLimit}
 * on the I/O thread that read the bytes, and told once when the socket has closed, by either side.
 *
 * <p>Reads of one connection come one at a time (Grizzly does not read a connection again until its read has been
 * handled), but its socket may close on any thread, during a read: then Tyrus is told when the read is done, never
 * in the middle of one, and bytes read after the close are not handed to a session that is over.
 */
final class UpgradedConnection implements CloseListener<Closeable, ICloseType> {

    private static final int IDLE = 0;
    private static final int READING = 1;
    private static final int CLOSED_WHILE_READING = 2;
    private static final int CLOSED = 3;
    private static final AtomicIntegerFieldUpdater<UpgradedConnection> STATE =
            AtomicIntegerFieldUpdater.newUpdater(UpgradedConnection.class, "state");

    private final Connection tyrus;
    private final FrameLimit reads;
    private final LingeringClose lingering;
    private volatile int state;

    /**
     * @param tyrus      Tyrus's connection, just created
     * @param lingering  the writer below Tyrus's, which holds the socket open for the client's close
     * @param maxPayload the largest payload a data frame may carry
     */
    UpgradedConnection(Connection tyrus, LingeringClose lingering, long maxPayload) {
        this.tyrus = tyrus;
        this.lingering = lingering;
        this.reads = new FrameLimit(tyrus, lingering, maxPayload);
    }

    /** Hands what the socket read to Tyrus, unless the socket has closed. */
    void read(Buffer input) {
        if (!STATE.compareAndSet(this, IDLE, READING)) {
            return;
        }
        try {
            if (!input.isComposite()) {
                reads.handle(input.toByteBuffer());
            } else {
                ByteBufferArray parts = input.toByteBufferArray();
                ByteBuffer[] array = parts.getArray();
                for (int i = 0; i < parts.size(); i++) {
                    reads.handle(array[i]);
                }
                parts.recycle();
            }
        } finally {
            if (!STATE.compareAndSet(this, READING, IDLE)) {
                state = CLOSED; // the socket closed meanwhile
                closeTyrus();
            }
        }
    }

    /** Grizzly calls this once the socket has closed. */
    @Override
    public void onClosed(Closeable closeable, ICloseType type) {
        while (true) {
            int now = state;
            if (now == IDLE && STATE.compareAndSet(this, IDLE, CLOSED)) {
                closeTyrus();
                return;
            }
            if (now == READING && STATE.compareAndSet(this, READING, CLOSED_WHILE_READING)) {
                return; // the read ends it
            }
            if (now == CLOSED || now == CLOSED_WHILE_READING) {
                return;
            }
        }
    }

    /**
     * A session still open learns of a connection that ended without a close handshake (1006); one whose close
     * frame went out already is not told again.
     */
    private void closeTyrus() {
        lingering.socketClosed();
        tyrus.close(CloseReasons.CLOSED_ABNORMALLY.getCloseReason());
    }
}
