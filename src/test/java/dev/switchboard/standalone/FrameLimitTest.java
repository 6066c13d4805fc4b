package dev.switchboard.standalone;

import jakarta.websocket.CloseReason;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.ReadHandler;
import org.glassfish.tyrus.spi.Writer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where frames start, however the reads cut them, and what Tyrus gets to see. */
class FrameLimitTest {

    private static final int LIMIT = 300;

    /** Tyrus's side: the pieces it is handed, and its close. */
    private static final class FakeTyrus implements Connection {
        final List<byte[]> pieces = new ArrayList<>();
        CloseReason closed;

        @Override
        public ReadHandler getReadHandler() {
            return data -> {
                byte[] piece = new byte[data.remaining()];
                data.get(piece);
                pieces.add(piece);
            };
        }

        @Override
        public Writer getWriter() {
            return null;
        }

        @Override
        public CloseListener getCloseListener() {
            return null;
        }

        @Override
        public void close(CloseReason reason) {
            closed = reason;
        }

        byte[] all() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pieces.forEach(out::writeBytes);
            return out.toByteArray();
        }
    }

    /** A masked client frame; {@code announced} may differ from the payload's length. */
    private static byte[] frame(int firstByte, long announced, int payloadBytes) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(firstByte);
        if (announced >= 0 && announced <= 125) {
            frame.write(0x80 | (int) announced);
        } else if (announced >= 0 && announced <= 0xFFFF) {
            frame.write(0x80 | 126);
            frame.write((int) (announced >>> 8));
            frame.write((int) announced);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) (announced >>> shift));
            }
        }
        frame.writeBytes(new byte[] {1, 2, 3, 4});
        byte[] payload = new byte[payloadBytes];
        Arrays.fill(payload, (byte) 'p');
        frame.writeBytes(payload);
        return frame.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static LingeringClose closeOf(SocketWriter socket) {
        return new LingeringClose(socket, new ClosingConnections());
    }

    /** Hands the bytes over in reads of {@code readSize}. */
    private static void feed(FrameLimit limit, byte[] bytes, int readSize) {
        for (int i = 0; i < bytes.length; i += readSize) {
            limit.handle(ByteBuffer.wrap(bytes, i, Math.min(readSize, bytes.length - i)).slice());
        }
    }

    @Test
    void framesWithinTheLimitPassWholeInAnyCutAndNoPieceSpansTwoFrames() {
        byte[] small = frame(0x81, 5, 5);
        byte[] medium = frame(0x82, 200, 200); // 16-bit length
        byte[] full = frame(0x01, LIMIT, LIMIT); // a first fragment of exactly the limit
        byte[] ping = frame(0x89, 0, 0);
        byte[] last = frame(0x80, 3, 3);
        byte[] stream = concat(small, medium, full, ping, last);
        for (int readSize : new int[] {1, 2, 3, 7, 13, 64, stream.length}) {
            FakeTyrus tyrus = new FakeTyrus();
            feed(new FrameLimit(tyrus, closeOf(new SocketWriter()), LIMIT), stream, readSize);

            assertArrayEquals(stream, tyrus.all(), "reads of " + readSize);
            assertNull(tyrus.closed, "reads of " + readSize);
            int[] ends = {small.length, small.length + medium.length, small.length + medium.length + full.length,
                    stream.length - last.length, stream.length};
            int offset = 0;
            for (byte[] piece : tyrus.pieces) {
                int end = offset + piece.length;
                for (int frameEnd : ends) {
                    assertFalse(offset < frameEnd && frameEnd < end,
                            "a piece of reads of " + readSize + " spans the end of a frame at " + frameEnd);
                }
                offset = end;
            }
        }
    }

    @Test
    void aDataFrameOverTheLimitIsRefusedByItsHeadAfterTheFramesBeforeIt() {
        byte[] before = frame(0x81, 5, 5);
        for (long announced : new long[] {LIMIT + 1, 70_000, 1L << 40, -1L}) { // 16- and 64-bit, top bit set
            byte[] stream = concat(before, frame(0x82, announced, 10));
            for (int readSize : new int[] {1, 3, stream.length}) {
                FakeTyrus tyrus = new FakeTyrus();
                FrameLimit limit = new FrameLimit(tyrus, closeOf(new SocketWriter()), LIMIT);
                feed(limit, stream, readSize);
                limit.handle(ByteBuffer.wrap(frame(0x81, 1, 1))); // after the refusal: dropped

                assertEquals(CloseReason.CloseCodes.TOO_BIG, tyrus.closed.getCloseCode());
                assertEquals("message too big: over " + LIMIT + " bytes", tyrus.closed.getReasonPhrase());
                // Tyrus saw the whole frame before, and at most the start of the refused head.
                byte[] seen = tyrus.all();
                assertArrayEquals(before, Arrays.copyOf(seen, before.length));
                assertTrue(seen.length < before.length + 14, "reads of " + readSize);
            }
        }
    }

    @Test
    void controlFramesAreLeftToTyrusWhateverTheyAnnounce() {
        // A ping may carry 125 bytes at most: Tyrus refuses a longer one by its head, with 1002.
        FakeTyrus tyrus = new FakeTyrus();
        FrameLimit limit = new FrameLimit(tyrus, closeOf(new SocketWriter()), 10);
        byte[] ping = frame(0x89, 100, 100);
        limit.handle(ByteBuffer.wrap(ping));

        assertNull(tyrus.closed);
        assertArrayEquals(ping, tyrus.all());
    }

    @Test
    void afterARefusalTheSocketStaysOpenUntilTheClientAnswersTheClose() {
        FakeTyrus tyrus = new FakeTyrus();
        SocketWriter socket = new SocketWriter();
        LingeringClose lingering = closeOf(socket);
        FrameLimit limit = new FrameLimit(tyrus, lingering, LIMIT);
        byte[] refused = frame(0x82, LIMIT + 1, LIMIT + 1);
        feed(limit, Arrays.copyOf(refused, 100), 100);
        assertEquals(CloseReason.CloseCodes.TOO_BIG, tyrus.closed.getCloseCode());
        SocketWriter.writeServerClose(lingering); // Tyrus writes its close frame and closes the socket
        lingering.close();

        feed(limit, Arrays.copyOfRange(refused, 100, refused.length), 50); // the rest of the refused frame
        assertEquals(0, socket.closes.get(), "closed while the client was still sending");
        limit.handle(ByteBuffer.wrap(frame(0x88, 2, 2))); // the client's close
        assertEquals(1, socket.closes.get());
        assertTrue(tyrus.all().length < 14, "Tyrus saw at most the start of the refused head");
    }

    @Test
    void afterTheServersCloseWhatTheClientSendsIsDroppedUntilItsCloseClosesTheSocket() {
        FakeTyrus tyrus = new FakeTyrus();
        SocketWriter socket = new SocketWriter();
        LingeringClose lingering = closeOf(socket);
        FrameLimit limit = new FrameLimit(tyrus, lingering, LIMIT);
        byte[] before = frame(0x81, 5, 5);
        limit.handle(ByteBuffer.wrap(before));
        SocketWriter.writeServerClose(lingering);
        lingering.close();

        // A message cut by the server's close, a ping, and the close that answers, in reads of every size.
        feed(limit, concat(frame(0x81, 200, 200), frame(0x89, 3, 3)), 7);
        assertEquals(0, socket.closes.get(), "closed before the client answered");
        feed(limit, frame(0x88, 2, 2), 1);
        assertEquals(1, socket.closes.get());
        // Tyrus's session is over: it saw nothing after the close, not even the answer, which it would report.
        assertArrayEquals(before, tyrus.all());
    }

    @Test
    void aCloseTheClientBeganReachesTyrusAndTheSocketClosesOnceTyrusAnswered() {
        FakeTyrus tyrus = new FakeTyrus();
        SocketWriter socket = new SocketWriter();
        LingeringClose lingering = closeOf(socket);
        FrameLimit limit = new FrameLimit(tyrus, lingering, LIMIT);
        byte[] clientClose = frame(0x88, 2, 2);
        feed(limit, clientClose, 1);
        assertArrayEquals(clientClose, tyrus.all());

        SocketWriter.writeServerClose(lingering); // Tyrus's answer
        lingering.close();
        assertEquals(1, socket.closes.get());
    }
}
