package dev.switchboard.standalone;

import jakarta.websocket.CloseReason;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.ReadHandler;

import java.nio.ByteBuffer;

/**
 * Reads the bytes of one upgraded connection before Tyrus does, following where each frame starts, and refuses
 * a data frame whose payload is larger than the largest message any route accepts: with 1009 through Tyrus's
 * own close, as soon as the frame's head has come; and a frame the client did not mask (RFC 6455 5.1), which
 * Tyrus would read, with 1002.
 *
 * <p>Why: Tyrus buffers each whole frame before anything sees it, in a buffer that may grow to the engine's
 * {@code incomingBufferSize}, and a frame that does not fit ends the session with 1011 "Buffer overflow"
 * (its read handler turns the overflow into a generic error). The routes' own limit, applied to message parts
 * as they come, never gets the chance. Refused here, the client gets 1009 and the route {@code TOO_BIG}, and
 * no byte of the frame is buffered.
 *
 * <p>Tyrus gets the bytes one frame at a time: its buffer holds the unread rest of the current frame plus
 * whatever it is handed with it, so a frame of exactly the limit followed by the start of the next one in the
 * same read would overflow a buffer sized for one frame.
 *
 * <p>After a refusal the client may still be sending the refused frame, and after any close of the server's the
 * client may still be sending: the rest is read and dropped, and the client's answering close frame tells the
 * {@link LingeringClose} that the socket may close now. A close the client sends first is passed on, and tells
 * the same: Tyrus answers it and the socket closes at once.
 *
 * <p>{@link #handle} runs for one connection one read at a time ({@link UpgradedConnection}), so the state needs no
 * synchronization of its own.
 */
final class FrameLimit implements ReadHandler {

    /** Two bytes, a 64-bit length and a mask. */
    static final int LARGEST_HEAD = 14;

    private final Connection tyrus;
    private final LingeringClose close;
    private final ReadHandler next;
    private final long maxPayload;

    private final byte[] head = new byte[LARGEST_HEAD];
    private int headBytes;
    /** Bytes of the current frame's payload still to come; -1 while its head is being read. */
    private long payloadLeft = -1;
    private boolean refused;

    /**
     * @param tyrus      Tyrus's connection, whose read handler gets the bytes and whose close refuses
     * @param close      how Tyrus's close reaches the socket, held back until the client answers the server's
     * @param maxPayload the largest payload a data frame may carry
     */
    FrameLimit(Connection tyrus, LingeringClose close, long maxPayload) {
        this.tyrus = tyrus;
        this.close = close;
        this.next = tyrus.getReadHandler();
        this.maxPayload = maxPayload;
    }

    @Override
    public void handle(ByteBuffer data) {
        int pieceStart = data.position();
        while (data.hasRemaining()) {
            if (payloadLeft < 0) {
                head[headBytes++] = data.get();
                if (headBytes < headLength()) {
                    continue;
                }
                long length = payloadLength();
                headBytes = 0;
                if (length < 0) { // no length to skip: nothing more can be followed
                    refuse(tooBig());
                    data.position(data.limit());
                    return;
                }
                if (!masked()) {
                    // RFC 6455 5.1: a server must close on a frame the client did not mask; Tyrus reads it.
                    refuse(new CloseReason(CloseReason.CloseCodes.PROTOCOL_ERROR, "unmasked frame"));
                } else if (isData() && length > maxPayload) {
                    refuse(tooBig());
                }
                payloadLeft = length;
            } else {
                // The payload is Tyrus's to read, or, after a refusal, nobody's: only skipped here.
                int skipped = (int) Math.min(payloadLeft, data.remaining());
                data.position(data.position() + skipped);
                payloadLeft -= skipped;
            }
            if (payloadLeft == 0) {
                payloadLeft = -1;
                if (isClose()) {
                    close.clientClosed();
                }
                passUnlessRefused(data, pieceStart, data.position());
                pieceStart = data.position();
            }
        }
        passUnlessRefused(data, pieceStart, data.limit());
    }

    /** The head's length so far as known: 2 until its second byte tells the length's size and the mask. */
    private int headLength() {
        if (headBytes < 2) {
            return 2;
        }
        int lengthCode = head[1] & 0x7F;
        int extended = lengthCode == 126 ? 2 : lengthCode == 127 ? 8 : 0;
        int mask = (head[1] & 0x80) != 0 ? 4 : 0;
        return 2 + extended + mask;
    }

    /** The payload length a complete head announces; negative for a 64-bit length with its top bit set. */
    private long payloadLength() {
        int lengthCode = head[1] & 0x7F;
        if (lengthCode < 126) {
            return lengthCode;
        }
        int bytes = lengthCode == 126 ? 2 : 8;
        long length = 0;
        for (int i = 0; i < bytes; i++) {
            length = (length << 8) | (head[2 + i] & 0xFF);
        }
        return length;
    }

    /**
     * Text, binary, continuation, and the reserved non-control opcodes: frames Tyrus buffers whole. Control
     * frames may carry 125 bytes at most, and Tyrus refuses longer ones by their head with 1002.
     */
    private boolean isData() {
        return (head[0] & 0x08) == 0;
    }

    private boolean masked() {
        return (head[1] & 0x80) != 0;
    }

    private boolean isClose() {
        return (head[0] & 0x0F) == 0x8;
    }

    /**
     * Hands Tyrus its bytes; after a refusal or the server's close, what the client still sends is read and
     * dropped: Tyrus's session is over, and would report the client's answering close a second time.
     */
    private void passUnlessRefused(ByteBuffer data, int from, int to) {
        if (!refused && !close.closeSent() && from < to) {
            next.handle(data.duplicate().position(from).limit(to));
        }
    }

    private CloseReason tooBig() {
        return new CloseReason(CloseReason.CloseCodes.TOO_BIG, "message too big: over " + maxPayload + " bytes");
    }

    private void refuse(CloseReason reason) {
        if (refused) {
            return;
        }
        refused = true;
        // As an application's close: Tyrus writes the close frame, reports onClose(1009 or 1002) to the endpoint
        // once, and closes the connection.
        tyrus.close(reason);
    }
}
