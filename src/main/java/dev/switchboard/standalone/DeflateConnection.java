package dev.switchboard.standalone;

import jakarta.websocket.CloseReason;
import org.glassfish.tyrus.core.extension.ExtendedExtension;
import org.glassfish.tyrus.core.frame.Frame;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.DataFormatException;

/**
 * permessage-deflate as agreed with one connection: Tyrus hands it every frame the connection reads, before
 * its own checks, and every frame it writes. {@link PerMessageDeflate} makes one per accepted handshake, so the
 * state lives here rather than in Tyrus's per-connection context.
 *
 * <p>Incoming: only a message whose first frame has RSV1 set is inflated, with its continuation frames; other
 * messages and control frames pass untouched, and Tyrus refuses RSV1 where the RFC does not allow it (on a
 * continuation or control frame) with 1002.
 *
 * <p>Refusing: Tyrus catches and only logs (at FINE) what {@code processIncoming} throws, then reads the frame
 * as it was, so an exception cannot close the connection with a code of ours. Instead the frame is replaced by
 * a close frame as if the client had sent it: Tyrus closes with that code and reason, reported to the route, and
 * echoes it to the client, exactly as it does for its own protocol errors ({@code WebSocketException}). 1009
 * (cause TOO_BIG) for a message that inflates past the limit; 1007 for data that does not inflate: the frames
 * are well formed, their payload is not what the message says it is (as invalid UTF-8 in a text is), and Node's
 * {@code ws} uses 1007 for it too. Nothing is logged: the client is at fault. The frames Tyrus still reads after
 * that are replaced by an empty pong, which a closed session drops.
 */
final class DeflateConnection implements ExtendedExtension {

    private static final byte CONTINUATION = 0x0;
    private static final byte TEXT = 0x1;
    private static final byte BINARY = 0x2;
    private static final byte CLOSE = 0x8;
    private static final byte PONG = 0xA;

    private final DeflateAgreement agreement;
    private final long maxMessageBytes;
    private final MessageInflater inflater;
    private final MessageDeflater deflater;

    // Read side, touched only by Tyrus's reads of this connection, one at a time.
    /** Whether the message being read is compressed: its first frame had RSV1. */
    private boolean inflatingMessage;
    /** Set once a close has been put in the reads' place: what follows is dropped. */
    private boolean refused;

    /**
     * @param agreement       the parameters agreed in the handshake
     * @param maxMessageBytes the most bytes a message may inflate to
     */
    DeflateConnection(DeflateAgreement agreement, long maxMessageBytes) {
        this.agreement = agreement;
        this.maxMessageBytes = maxMessageBytes;
        this.inflater = new MessageInflater(maxMessageBytes, agreement.clientNoContextTakeover());
        this.deflater = new MessageDeflater(agreement.serverNoContextTakeover());
    }

    @Override
    public String getName() {
        return DeflateAgreement.NAME;
    }

    @Override
    public List<Parameter> getParameters() {
        return agreement.response();
    }

    @Override
    public List<Parameter> onExtensionNegotiation(ExtensionContext context, List<Parameter> requestedParameters) {
        return agreement.response(); // Tyrus passes null here: the offer was chosen already
    }

    @Override
    public void onHandshakeResponse(ExtensionContext context, List<Parameter> responseParameters) {
        // client side only
    }

    @Override
    public Frame processIncoming(ExtensionContext context, Frame frame) {
        if (frame.isControlFrame()) {
            if (frame.getOpcode() == CLOSE) {
                inflater.end(); // the client sends no data after its close
            }
            return frame;
        }
        if (refused) {
            return emptyPong();
        }
        byte opcode = frame.getOpcode();
        if (opcode == TEXT || opcode == BINARY) {
            inflatingMessage = frame.isRsv1();
        } else if (opcode != CONTINUATION || frame.isRsv1()) {
            return frame; // an unknown opcode, or RSV1 on a continuation: Tyrus refuses either
        }
        if (!inflatingMessage) {
            return frame;
        }
        if (frame.isFin()) {
            inflatingMessage = false;
        }
        try {
            byte[] inflated = inflater.inflate(frame.getPayloadData(), frame.isFin());
            return Frame.builder(frame).rsv1(false).payloadData(inflated).build();
        } catch (MessageInflater.TooBigException e) {
            return refuse(CloseReason.CloseCodes.TOO_BIG, "message too big: over " + maxMessageBytes + " bytes");
        } catch (DataFormatException e) {
            return refuse(CloseReason.CloseCodes.NOT_CONSISTENT, "invalid compressed data");
        } catch (IllegalStateException e) {
            // Ended by destroy(), from the thread closing the connection: nothing more is read.
            refused = true;
            return emptyPong();
        }
    }

    @Override
    public Frame processOutgoing(ExtensionContext context, Frame frame) {
        if (frame.isControlFrame()) {
            if (frame.getOpcode() == CLOSE) {
                deflater.end(); // no data goes out after the close
            }
            return frame;
        }
        byte opcode = frame.getOpcode();
        if (opcode != TEXT && opcode != BINARY && opcode != CONTINUATION) {
            return frame;
        }
        byte[] compressed = deflater.compress(frame.getPayloadData(), opcode != CONTINUATION, frame.isFin());
        if (compressed == null) {
            return frame;
        }
        return Frame.builder(frame).rsv1(opcode != CONTINUATION).payloadData(compressed).build();
    }

    /**
     * Tyrus calls this only from its {@code Connection.close} while the WebSocket is still open: for a lost
     * connection or a {@link FrameLimit} refusal, never after a close frame went either way. So the close frames
     * end the codecs too: the client's the inflater, the server's the deflater (and a refusal the inflater). After
     * a close the server started, the inflater is left to the garbage collector, which frees an {@code Inflater}'s
     * native memory with it: ending it from the closing thread could race with a frame still being read.
     */
    @Override
    public void destroy(ExtensionContext context) {
        inflater.end();
        deflater.end();
    }

    private Frame refuse(CloseReason.CloseCodes code, String reason) {
        refused = true;
        inflatingMessage = false;
        byte[] phrase = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + phrase.length];
        payload[0] = (byte) (code.getCode() >> 8);
        payload[1] = (byte) code.getCode();
        System.arraycopy(phrase, 0, payload, 2, phrase.length);
        return Frame.builder().fin(true).opcode(CLOSE).payloadData(payload).build();
    }

    private static Frame emptyPong() {
        return Frame.builder().fin(true).opcode(PONG).payloadData(new byte[0]).build();
    }
}
