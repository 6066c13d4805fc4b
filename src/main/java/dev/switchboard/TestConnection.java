package dev.switchboard;

import dev.switchboard.testkit.Frames;
import dev.switchboard.testkit.Wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One WebSocket connection of a {@link TestClient}, over a plain socket, that behaves or misbehaves as the test
 * says. A reader thread decodes what the server sends: messages (fragmented ones reassembled) are kept in
 * {@link #texts()} and {@link #binaries()}, pings are answered with pongs, and the server's close frame is
 * answered, unless one of the misbehaving switches says otherwise.
 *
 * <p>Each {@code await} method waits at most its timeout ({@link TestClient#DEFAULT_TIMEOUT} if none is given)
 * and fails the test with an {@link AssertionError} that says what did not come; the lists are live views that
 * Awaitility and assertions can read at any time. Every method may be called from any thread.
 *
 * <p>What no well-behaved client does, one call each, to prove the server's promises:
 * <ul>
 * <li>{@link #stopReading()}: the server's writes pile up in its queue (its overflow action, its send timeout);</li>
 * <li>{@link #ignorePings()}: the server's heartbeat finds a dead peer;</li>
 * <li>{@link #ignoreClose()}: the server closes TCP after its close timeout;</li>
 * <li>{@link #drop()} and {@link #reset()}: the connection is lost without a close frame;</li>
 * <li>{@link #sendChopped}, {@link #sendFragmented}: a message arrives in pieces, and must be whole;</li>
 * <li>{@link #sendMalformed()}: a protocol error (1002); {@link #sendOversized(long)}: too big (1009);</li>
 * <li>{@link #sendRaw(byte[])}: any bytes at all.</li>
 * </ul>
 */
public final class TestConnection implements AutoCloseable {

    /** How long {@link #close()} waits for the server to close TCP after the close frame. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final Wire wire;

    TestConnection(Wire wire) {
        this.wire = wire;
    }

    /**
     * A close frame from the server, or the loss of the connection without one.
     *
     * @param code   the close code; 1005 for a close frame without one, 1006 if the server closed TCP without a
     *               close frame
     * @param reason the reason, or {@code ""}
     */
    public record Close(int code, String reason) {
    }

    // ---- sending

    /**
     * Sends a text message in one masked frame.
     *
     * @param text the text
     * @return this connection
     * @throws UncheckedIOException if the connection is gone
     */
    public TestConnection sendText(String text) {
        return send(Frames.masked(true, Frames.TEXT, text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Sends a binary message in one masked frame.
     *
     * @param data the bytes
     * @return this connection
     * @throws UncheckedIOException if the connection is gone
     */
    public TestConnection sendBinary(byte[] data) {
        return send(Frames.masked(true, Frames.BINARY, data));
    }

    /**
     * Sends a ping; the server's pong shows in {@link #pongs()}.
     *
     * @param payload at most 125 bytes
     * @return this connection
     * @throws UncheckedIOException if the connection is gone
     */
    public TestConnection ping(byte[] payload) {
        if (payload.length > 125) {
            throw new IllegalArgumentException("A ping carries at most 125 bytes, not " + payload.length);
        }
        return send(Frames.masked(true, Frames.PING, payload));
    }

    /**
     * Sends a close frame; the server answers with its own ({@link #awaitClose()}) and closes TCP
     * ({@link #awaitSocketClosed()}).
     *
     * @param code   the close code
     * @param reason the reason, at most 123 bytes in UTF-8
     * @return this connection
     * @throws UncheckedIOException if the connection is gone
     */
    public TestConnection close(int code, String reason) {
        try {
            wire.sendClose(code, reason);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("The close frame could not be sent", e);
        }
    }

    // ---- what came

    /**
     * Waits for the next text message that no {@code awaitText} call returned yet.
     *
     * @return the text
     * @throws AssertionError if none comes within {@link TestClient#DEFAULT_TIMEOUT}, or the connection ends first
     */
    public String awaitText() {
        return awaitText(TestClient.DEFAULT_TIMEOUT);
    }

    /**
     * Waits for the next text message that no {@code awaitText} call returned yet.
     *
     * @param timeout how long to wait
     * @return the text
     * @throws AssertionError if none comes in time, or the connection ends first
     */
    public String awaitText(Duration timeout) {
        return wire.nextText(timeout);
    }

    /**
     * Waits for the next binary message that no {@code awaitBinary} call returned yet.
     *
     * @return the bytes
     * @throws AssertionError if none comes within {@link TestClient#DEFAULT_TIMEOUT}, or the connection ends first
     */
    public byte[] awaitBinary() {
        return awaitBinary(TestClient.DEFAULT_TIMEOUT);
    }

    /**
     * Waits for the next binary message that no {@code awaitBinary} call returned yet.
     *
     * @param timeout how long to wait
     * @return the bytes
     * @throws AssertionError if none comes in time, or the connection ends first
     */
    public byte[] awaitBinary(Duration timeout) {
        return wire.nextBinary(timeout);
    }

    /**
     * Waits for the server's close frame, or for the server to close TCP without one.
     *
     * @return the close; code 1006 if TCP closed without a close frame
     * @throws AssertionError if neither happens within {@link TestClient#DEFAULT_TIMEOUT}
     */
    public Close awaitClose() {
        return awaitClose(TestClient.DEFAULT_TIMEOUT);
    }

    /**
     * Waits for the server's close frame, or for the server to close TCP without one.
     *
     * @param timeout how long to wait
     * @return the close; code 1006 if TCP closed without a close frame
     * @throws AssertionError if neither happens in time
     */
    public Close awaitClose(Duration timeout) {
        int code = wire.awaitClose(timeout);
        return new Close(code, code == 1006 && wire.closeCode() < 0 ? "" : wire.closeReason());
    }

    /**
     * Waits until the server has closed the TCP connection (the reader found its end, or a reset).
     *
     * @return this connection
     * @throws AssertionError if the connection is still open after {@link TestClient#DEFAULT_TIMEOUT}
     */
    public TestConnection awaitSocketClosed() {
        return awaitSocketClosed(TestClient.DEFAULT_TIMEOUT);
    }

    /**
     * Waits until the server has closed the TCP connection (the reader found its end, or a reset).
     *
     * @param timeout how long to wait
     * @return this connection
     * @throws AssertionError if the connection is still open then
     */
    public TestConnection awaitSocketClosed(Duration timeout) {
        wire.awaitEnd(timeout);
        return this;
    }

    /**
     * The server's close frame, if one came.
     *
     * @return the close, or empty
     */
    public Optional<Close> closeFrame() {
        int code = wire.closeCode();
        return code < 0 ? Optional.empty() : Optional.of(new Close(code, wire.closeReason()));
    }

    /**
     * Whether the connection is over: the server closed TCP, or this client closed its socket.
     *
     * @return {@code true} once no more frames can come
     */
    public boolean isClosed() {
        return wire.ended();
    }

    /**
     * Every text message received, in order.
     *
     * @return a live, read-only view
     */
    public List<String> texts() {
        return wire.texts();
    }

    /**
     * Every binary message received, in order.
     *
     * @return a live, read-only view
     */
    public List<byte[]> binaries() {
        return wire.binaries();
    }

    /**
     * The payloads of the pings the server sent, answered or not.
     *
     * @return a live, read-only view
     */
    public List<byte[]> pings() {
        return wire.pings();
    }

    /**
     * The payloads of the pongs the server sent, e.g. answering {@link #ping(byte[])}.
     *
     * @return a live, read-only view
     */
    public List<byte[]> pongs() {
        return wire.pongs();
    }

    /**
     * The local port of this connection: the port in the {@link WebSocketSession#remoteAddress()} the server sees.
     *
     * @return the port
     */
    public int localPort() {
        return wire.localPort();
    }

    // ---- misbehaving

    /**
     * Stops reading the socket, after the frame being read: the server's writes fill the socket's buffers (a small
     * receive buffer keeps them small), then pile up in the session's queue, where the route's overflow action
     * and send timeout apply. Pings go unanswered meanwhile.
     *
     * @return this connection
     */
    public TestConnection stopReading() {
        wire.reading(false);
        return this;
    }

    /**
     * Reads the socket again after {@link #stopReading()}.
     *
     * @return this connection
     */
    public TestConnection resumeReading() {
        wire.reading(true);
        return this;
    }

    /**
     * Never answers the server's pings from now on, as a peer that vanished behind a proxy: the server's heartbeat
     * closes the session after its timeout. The pings still show in {@link #pings()}.
     *
     * @return this connection
     */
    public TestConnection ignorePings() {
        wire.answerPings(false);
        return this;
    }

    /**
     * Never answers the server's close frame, and keeps TCP open: the server closes TCP itself after its close
     * timeout (RFC 6455 7.1.1). {@link #close(int, String)} answers it late, if the test wants to.
     *
     * @return this connection
     */
    public TestConnection ignoreClose() {
        wire.answerClose(false);
        return this;
    }

    /**
     * Closes TCP without a close frame, with a FIN: a client that quits or crashes. The server's session ends with
     * {@link CloseCause#CONNECTION_LOST}.
     */
    public void drop() {
        try {
            wire.cut(false);
        } catch (IOException e) {
            throw new UncheckedIOException("The connection could not be dropped", e);
        }
    }

    /**
     * Resets the connection (SO_LINGER 0: an RST, no FIN, no close frame): a network that fails. The server's
     * session ends with {@link CloseCause#CONNECTION_LOST}.
     */
    public void reset() {
        try {
            wire.cut(true);
        } catch (IOException e) {
            throw new UncheckedIOException("The connection could not be reset", e);
        }
    }

    /**
     * Sends a text message as one frame, written in chops of {@code chopBytes} with a pause after each: the
     * server receives the frame in many reads, and must deliver the message whole.
     *
     * @param text      the text
     * @param chopBytes bytes per write, at least 1
     * @param pause     the pause between writes
     * @return this connection
     * @throws UncheckedIOException if the connection is gone
     */
    public TestConnection sendChopped(String text, int chopBytes, Duration pause) {
        try {
            wire.writeChopped(Frames.masked(true, Frames.TEXT, text.getBytes(StandardCharsets.UTF_8)), chopBytes,
                    Objects.requireNonNull(pause, "pause"));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("The chopped frame could not be sent", e);
        }
    }

    /**
     * Sends a text message as several frames (a text frame, continuations, a final one) of {@code fragmentBytes}
     * of its UTF-8 each, with a pause between them; a fragment may end within a character. The server must deliver
     * the message whole.
     *
     * @param text          the text
     * @param fragmentBytes bytes per frame, at least 1
     * @param pause         the pause between frames
     * @return this connection
     * @throws UncheckedIOException if the connection is gone
     */
    public TestConnection sendFragmented(String text, int fragmentBytes, Duration pause) {
        try {
            wire.writeFragmented(text.getBytes(StandardCharsets.UTF_8), fragmentBytes,
                    Objects.requireNonNull(pause, "pause"));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("The fragments could not be sent", e);
        }
    }

    /**
     * Sends a text frame with reserved bits set (RSV2 and RSV3, which no extension defines): a protocol error, for
     * which RFC 6455 (5.2) makes the server close the session with 1002 (Protocol Error), cause
     * {@link CloseCause#PROTOCOL_ERROR}. Other malformed frames (an unmasked one, an unknown opcode, a fragmented
     * ping) go out with {@link #sendRaw(byte[])}.
     *
     * @return this connection
     * @throws UncheckedIOException if the connection is gone
     */
    public TestConnection sendMalformed() {
        return send(Frames.reservedBitsSet("malformed"));
    }

    /**
     * Sends the head of a binary frame that announces {@code announcedLength} bytes, and up to 1 KiB of them: a
     * server whose message limit is smaller must close the session with 1009 (Message Too Big), cause
     * {@link CloseCause#TOO_BIG}, without waiting for the rest.
     *
     * @param announcedLength the length the frame announces
     * @return this connection
     * @throws UncheckedIOException if the connection is gone
     */
    public TestConnection sendOversized(long announcedLength) {
        if (announcedLength < 0) {
            throw new IllegalArgumentException("A frame's length is not negative: " + announcedLength);
        }
        return send(Frames.announcing(announcedLength, (int) Math.min(1024, announcedLength)));
    }

    /**
     * Sends bytes exactly as given, in one write between whole frames of the reader's pongs and close: frames of
     * any kind, or no frame at all.
     *
     * @param bytes the bytes
     * @return this connection
     * @throws UncheckedIOException if the connection is gone
     */
    public TestConnection sendRaw(byte[] bytes) {
        return send(bytes.clone());
    }

    private TestConnection send(byte[] bytes) {
        try {
            wire.write(bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Sending failed: the connection is gone", e);
        }
    }

    /**
     * Ends the connection politely if it is still open: reads again, sends a close frame 1000 unless one went
     * already, waits up to two seconds for the server to close TCP, and closes the socket. Calling it again does
     * nothing.
     */
    @Override
    public void close() {
        wire.close(CLOSE_WAIT);
    }
}
