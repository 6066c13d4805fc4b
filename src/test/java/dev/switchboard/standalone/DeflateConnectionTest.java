package dev.switchboard.standalone;

import org.glassfish.tyrus.core.frame.Frame;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;

import static dev.switchboard.standalone.DeflateInflaterTest.compress;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Frames in and out of one connection's permessage-deflate, as Tyrus hands them over. */
class DeflateConnectionTest {

    private static final int LIMIT = 1 << 20;
    private static final byte CONTINUATION = 0x0;
    private static final byte TEXT = 0x1;
    private static final byte BINARY = 0x2;
    private static final byte CLOSE = 0x8;
    private static final byte PING = 0x9;
    private static final byte PONG = 0xA;

    private static final byte[] JSON = ("{\"type\":\"chat\",\"user\":\"alice\",\"room\":\"general\","
            + "\"text\":\"hello there, how are you today?\"}").getBytes(StandardCharsets.UTF_8);

    private static DeflateConnection connection(boolean serverNoContextTakeover, boolean clientNoContextTakeover) {
        return new DeflateConnection(new DeflateAgreement(serverNoContextTakeover, clientNoContextTakeover, false),
                LIMIT);
    }

    private static Frame frame(byte opcode, boolean rsv1, boolean fin, byte[] payload) {
        return Frame.builder().opcode(opcode).rsv1(rsv1).fin(fin).payloadData(payload).build();
    }

    private static Frame in(DeflateConnection connection, Frame frame) {
        return connection.processIncoming(null, frame);
    }

    private static Frame out(DeflateConnection connection, Frame frame) {
        return connection.processOutgoing(null, frame);
    }

    private static void assertClose(int code, String reason, Frame frame) {
        assertEquals(CLOSE, frame.getOpcode());
        assertFalse(frame.isRsv1());
        byte[] payload = frame.getPayloadData();
        assertEquals(code, ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF));
        assertEquals(reason, new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8));
    }

    @Test
    void whatTheServerCompressesInflatesAgain() {
        DeflateConnection server = connection(false, false);
        DeflateConnection client = connection(false, false); // the same format both ways
        for (int i = 0; i < 3; i++) {
            Frame sent = out(server, frame(TEXT, false, true, JSON));
            assertTrue(sent.isRsv1());
            assertTrue(sent.getPayloadLength() < JSON.length);
            Frame received = in(client, sent);
            assertFalse(received.isRsv1());
            assertEquals(TEXT, received.getOpcode());
            assertArrayEquals(JSON, received.getPayloadData());
        }
    }

    @Test
    void inflatesAMessageCompressedOnceAndSentInContinuationFrames() {
        byte[] message = "Switchboard echoes this line. ".repeat(2000).getBytes(StandardCharsets.UTF_8);
        byte[] compressed = compress(message);
        int half = compressed.length / 2;
        DeflateConnection server = connection(false, false);

        Frame first = in(server, frame(BINARY, true, false, Arrays.copyOfRange(compressed, 0, half)));
        Frame last = in(server, frame(CONTINUATION, false, true, Arrays.copyOfRange(compressed, half, compressed.length)));

        assertEquals(BINARY, first.getOpcode());
        assertFalse(first.isFin());
        assertFalse(first.isRsv1());
        assertEquals(CONTINUATION, last.getOpcode());
        assertTrue(last.isFin());
        byte[] whole = new byte[first.getPayloadData().length + last.getPayloadData().length];
        System.arraycopy(first.getPayloadData(), 0, whole, 0, first.getPayloadData().length);
        System.arraycopy(last.getPayloadData(), 0, whole, first.getPayloadData().length, last.getPayloadData().length);
        assertArrayEquals(message, whole);
    }

    @Test
    void compressesOutgoingContinuationFramesAsOneMessage() {
        byte[] part = "a part of a longer message, ".repeat(20).getBytes(StandardCharsets.UTF_8);
        DeflateConnection server = connection(false, false);
        DeflateConnection client = connection(false, false);

        Frame first = out(server, frame(TEXT, false, false, part));
        Frame middle = out(server, frame(CONTINUATION, false, false, part));
        Frame last = out(server, frame(CONTINUATION, false, true, part));

        assertTrue(first.isRsv1());
        assertFalse(middle.isRsv1(), "RSV1 on the first frame only");
        assertFalse(last.isRsv1());
        for (Frame frame : new Frame[] {first, middle, last}) {
            assertArrayEquals(part, in(client, frame).getPayloadData());
        }
    }

    @Test
    void passesUncompressedFragmentedMessagesAndControlFramesUntouched() {
        DeflateConnection server = connection(false, false);
        Frame[] frames = {
            frame(TEXT, false, false, "plain ".getBytes()),
            frame(PING, false, true, "ping".getBytes()),
            frame(CONTINUATION, false, false, "and ".getBytes()),
            frame(CONTINUATION, false, true, "more".getBytes()),
            frame(PONG, false, true, new byte[0]),
        };
        for (Frame frame : frames) {
            assertSame(frame, in(server, frame));
        }
        // A compressed message after them is inflated; a plain one after it is not.
        Frame compressed = in(server, frame(TEXT, true, true, compress(JSON)));
        assertArrayEquals(JSON, compressed.getPayloadData());
        Frame plain = frame(BINARY, false, true, JSON);
        assertSame(plain, in(server, plain));
    }

    @Test
    void leavesRsv1WhereTheRfcForbidsItForTyrusToRefuse() {
        DeflateConnection server = connection(false, false);
        Frame ping = frame(PING, true, true, new byte[0]);
        assertSame(ping, in(server, ping));
        in(server, frame(TEXT, false, false, "plain".getBytes()));
        Frame continuation = frame(CONTINUATION, true, true, compress(JSON));
        assertSame(continuation, in(server, continuation));
    }

    @Test
    void sendsSmallMessagesAndControlFramesUncompressed() {
        DeflateConnection server = connection(false, false);
        Frame small = frame(TEXT, false, true, new byte[MessageDeflater.SMALLEST_COMPRESSED - 1]);
        assertSame(small, out(server, small));
        Frame ping = frame(PING, false, true, new byte[100]);
        assertSame(ping, out(server, ping));
        assertTrue(out(server, frame(TEXT, false, true, new byte[MessageDeflater.SMALLEST_COMPRESSED])).isRsv1());
    }

    @Test
    void keepsTheCompressionContextAcrossMessagesByDefault() {
        DeflateConnection server = connection(false, false);
        long first = out(server, frame(TEXT, false, true, JSON)).getPayloadLength();
        long second = out(server, frame(TEXT, false, true, JSON)).getPayloadLength();
        assertTrue(second < first / 3, "the second refers back to the first: " + first + " then " + second);
    }

    @Test
    void compressesEveryMessageAfreshWithServerNoContextTakeover() {
        DeflateConnection server = connection(true, false);
        DeflateConnection freshClient = connection(false, false);
        Frame first = out(server, frame(TEXT, false, true, JSON));
        Frame second = out(server, frame(TEXT, false, true, JSON));
        assertEquals(first.getPayloadLength(), second.getPayloadLength());
        // Each inflates alone, without the window of the one before.
        assertArrayEquals(JSON, in(freshClient, second).getPayloadData());
    }

    @Test
    void sendsUncompressedWhatCompressionWouldNotShrinkWithoutContextTakeover() {
        DeflateConnection server = connection(true, false);
        byte[] random = new byte[200];
        new java.util.Random(7).nextBytes(random);
        Frame frame = frame(BINARY, false, true, random);
        assertSame(frame, out(server, frame));
    }

    @Test
    void inflatesWithTheClientsContextUnlessItAgreedNotToKeepIt() {
        Deflater client = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        byte[] first = compress(client, JSON);
        byte[] second = compress(client, JSON); // refers back to the first
        client.end();

        DeflateConnection keeping = connection(false, false);
        assertArrayEquals(JSON, in(keeping, frame(TEXT, true, true, first)).getPayloadData());
        assertArrayEquals(JSON, in(keeping, frame(TEXT, true, true, second)).getPayloadData());

        // With client_no_context_takeover agreed, the inflater starts every message afresh: a client that kept
        // its context anyway sends what cannot be inflated.
        DeflateConnection resetting = connection(false, true);
        assertArrayEquals(JSON, in(resetting, frame(TEXT, true, true, first)).getPayloadData());
        assertClose(1007, "invalid compressed data", in(resetting, frame(TEXT, true, true, second)));
    }

    @Test
    void aMessageInflatingPastTheLimitBecomesA1009Close() {
        DeflateConnection server = connection(false, false);
        byte[] compressed = compress(new byte[LIMIT + 1]);
        int half = compressed.length / 2;
        Frame first = in(server, frame(TEXT, true, false, Arrays.copyOfRange(compressed, 0, half)));
        assertEquals(TEXT, first.getOpcode());

        Frame refused = in(server, frame(CONTINUATION, false, true, Arrays.copyOfRange(compressed, half, compressed.length)));

        assertClose(1009, "message too big: over " + LIMIT + " bytes", refused);
        // What Tyrus still reads is dropped, except control frames: the client's close must get through.
        Frame after = in(server, frame(TEXT, true, true, compress(JSON)));
        assertEquals(PONG, after.getOpcode());
        assertEquals(0, after.getPayloadLength());
        Frame close = frame(CLOSE, false, true, new byte[] {0x03, (byte) 0xE8});
        assertSame(close, in(server, close));
    }

    @Test
    void dataThatDoesNotInflateBecomesA1007Close() {
        DeflateConnection server = connection(false, false);
        byte[] garbage = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x12, 0x34};
        assertClose(1007, "invalid compressed data", in(server, frame(BINARY, true, true, garbage)));
    }

    @Test
    void afterDestroyNothingIsCompressedOrInflated() {
        DeflateConnection server = connection(false, false);
        server.destroy(null);
        Frame outgoing = frame(TEXT, false, true, JSON);
        assertSame(outgoing, out(server, outgoing));
        assertEquals(PONG, in(server, frame(TEXT, true, true, compress(JSON))).getOpcode());
    }
}
