package dev.switchboard.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * One upgraded connection of the test client over a plain socket: its reader thread decodes the server's frames
 * (reassembling fragmented messages, answering pings and the close unless told not to), and its writes go out one
 * whole frame at a time, or in chops when asked. Everything received is kept, and waiters are woken on each frame.
 */
public final class Wire {

    private static final System.Logger LOG = System.getLogger(Wire.class.getName());

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Object writeLock = new Object();
    /** Notified whenever something arrives, reading resumes or the connection ends. */
    private final Object changed = new Object();

    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final List<byte[]> binaries = new CopyOnWriteArrayList<>();
    private final List<byte[]> pings = new CopyOnWriteArrayList<>();
    private final List<byte[]> pongs = new CopyOnWriteArrayList<>();
    private int textsTaken;
    private int binariesTaken;

    private volatile boolean reading = true;
    private volatile boolean answerPings = true;
    private volatile boolean answerClose = true;
    private volatile boolean closeSent;
    /** The server's close frame, code and reason, once it came. */
    private volatile int closeCode = -1;
    private volatile String closeReason = "";
    /** Set once the reader found the end of the stream or a reset, or the client closed its socket. */
    private volatile boolean ended;
    private volatile boolean closedHere;

    private Wire(Socket socket, InputStream in) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = socket.getOutputStream();
    }

    /**
     * Opens a connection: sends the upgrade request and checks the answer, then starts reading frames.
     *
     * @throws AssertionError if the server does not accept the upgrade, with its status and body
     */
    public static Wire open(URI uri, Map<String, String> headers, Duration timeout) {
        Socket socket = null;
        try {
            socket = Http.connect(uri, timeout);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String key = Http.newKey();
            socket.getOutputStream().write(Http.upgradeRequest(uri, key, headers));
            Http.Response response = Http.readResponse(socket, in);
            if (response.status() != 101) {
                throw new AssertionError("The server refused the upgrade at " + uri + ": HTTP " + response.status()
                        + (response.body().isEmpty() ? "" : ", body: " + response.body()));
            }
            String accept = response.headers().get("sec-websocket-accept");
            if (!Http.acceptFor(key).equals(accept)) {
                throw new AssertionError("The server answered 101 at " + uri + " with Sec-WebSocket-Accept " + accept
                        + ", not " + Http.acceptFor(key));
            }
            socket.setSoTimeout(0); // the reader waits as long as the connection lives
            Wire wire = new Wire(socket, in);
            Thread reader = new Thread(wire::read, "switchboard-test-reader-" + socket.getLocalPort());
            reader.setDaemon(true);
            reader.start();
            return wire;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new AssertionError("The upgrade at " + uri + " failed: " + e, e);
        } catch (RuntimeException | AssertionError e) {
            closeQuietly(socket);
            throw e;
        }
    }

    // ---- reading

    private void read() {
        ByteArrayOutputStream message = null;
        int messageOpcode = Frames.TEXT;
        try {
            while (true) {
                awaitReading();
                Frames.Frame frame = Frames.read(in);
                if (frame == null) {
                    break;
                }
                switch (frame.opcode()) {
                    case Frames.TEXT, Frames.BINARY -> {
                        message = new ByteArrayOutputStream();
                        messageOpcode = frame.opcode();
                        message.writeBytes(frame.payload());
                    }
                    case Frames.CONTINUATION -> {
                        if (message == null) {
                            throw new IOException("The server sent a continuation frame outside a message");
                        }
                        message.writeBytes(frame.payload());
                    }
                    case Frames.PING -> {
                        pings.add(frame.payload());
                        if (answerPings && !closeSent) {
                            write(Frames.masked(true, Frames.PONG, frame.payload()));
                        }
                    }
                    case Frames.PONG -> pongs.add(frame.payload());
                    case Frames.CLOSE -> closed(frame.payload());
                    default -> throw new IOException("The server sent a frame with opcode " + frame.opcode());
                }
                if (frame.fin() && message != null && frame.opcode() <= Frames.BINARY) {
                    if (messageOpcode == Frames.TEXT) {
                        texts.add(message.toString(StandardCharsets.UTF_8));
                    } else {
                        binaries.add(message.toByteArray());
                    }
                    message = null;
                }
                signal();
            }
        } catch (IOException e) {
            if (!closedHere) {
                LOG.log(System.Logger.Level.DEBUG, "The test connection ended: {0}", e.toString());
            }
        } finally {
            ended = true;
            signal();
        }
    }

    private void closed(byte[] payload) throws IOException {
        closeReason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
        closeCode = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        if (answerClose && !closeSent) {
            closeSent = true;
            write(Frames.masked(true, Frames.CLOSE, payload.length >= 2
                    ? new byte[] {payload[0], payload[1]} : new byte[0]));
        }
    }

    private void awaitReading() {
        synchronized (changed) {
            while (!reading && !closedHere) {
                try {
                    changed.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void signal() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    // ---- writing

    /** Writes bytes in one go, between whole frames of other writers. */
    public void write(byte[] bytes) throws IOException {
        synchronized (writeLock) {
            out.write(bytes);
            out.flush();
        }
    }

    /** Writes bytes in chops of {@code chop} with a pause after each but the last, holding off other writers. */
    public void writeChopped(byte[] bytes, int chop, Duration pause) throws IOException {
        if (chop < 1) {
            throw new IllegalArgumentException("Chops must be at least 1 byte, was " + chop);
        }
        synchronized (writeLock) {
            for (int offset = 0; offset < bytes.length; offset += chop) {
                if (offset > 0) {
                    pause(pause);
                }
                out.write(bytes, offset, Math.min(chop, bytes.length - offset));
                out.flush();
            }
        }
    }

    /** A message as several frames: a text frame that is not final, continuations, a final one, with pauses between. */
    public void writeFragmented(byte[] text, int fragmentBytes, Duration pause) throws IOException {
        if (fragmentBytes < 1) {
            throw new IllegalArgumentException("Fragments must be at least 1 byte, was " + fragmentBytes);
        }
        synchronized (writeLock) {
            int offset = 0;
            do {
                if (offset > 0) {
                    pause(pause);
                }
                int end = Math.min(offset + fragmentBytes, text.length);
                byte[] part = java.util.Arrays.copyOfRange(text, offset, end);
                out.write(Frames.masked(end == text.length, offset == 0 ? Frames.TEXT : Frames.CONTINUATION, part));
                out.flush();
                offset = end;
            } while (offset < text.length);
        }
    }

    /** Sends a close frame; the reader answers no close after it. */
    public void sendClose(int code, String reason) throws IOException {
        closeSent = true;
        write(Frames.masked(true, Frames.CLOSE, Frames.closePayload(code, reason)));
    }

    /** Parks the writing thread: the pauses of a chopped write are the point of it. */
    private static void pause(Duration pause) {
        long deadline = System.nanoTime() + pause.toNanos();
        for (long left = pause.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    // ---- misbehaving switches

    /** Stops or resumes reading the socket (after the frame being read). */
    public void reading(boolean on) {
        reading = on;
        signal();
    }

    /** Whether pings are answered. */
    public void answerPings(boolean on) {
        answerPings = on;
    }

    /** Whether the server's close frame is answered. */
    public void answerClose(boolean on) {
        answerClose = on;
    }

    /** Closes TCP without a close frame: a FIN, or a reset (SO_LINGER 0) if {@code reset}. */
    public void cut(boolean reset) throws IOException {
        closedHere = true;
        signal();
        if (reset) {
            socket.setSoLinger(true, 0);
        } else if (!socket.isOutputShutdown() && !socket.isClosed()) {
            socket.shutdownOutput(); // the FIN, even if unread bytes would make close() reset
        }
        socket.close();
    }

    // ---- what came

    /** The texts received, a live read-only view. */
    public List<String> texts() {
        return Collections.unmodifiableList(texts);
    }

    /** The binary messages received, a live read-only view. */
    public List<byte[]> binaries() {
        return Collections.unmodifiableList(binaries);
    }

    /** The payloads of the server's pings, a live read-only view. */
    public List<byte[]> pings() {
        return Collections.unmodifiableList(pings);
    }

    /** The payloads of the server's pongs, a live read-only view. */
    public List<byte[]> pongs() {
        return Collections.unmodifiableList(pongs);
    }

    /** The code of the server's close frame, or -1 if none came. */
    public int closeCode() {
        return closeCode;
    }

    /** The reason of the server's close frame. */
    public String closeReason() {
        return closeReason;
    }

    /** Whether the connection is over: the server closed TCP, or this client closed its socket. */
    public boolean ended() {
        return ended || socket.isClosed();
    }

    /** Whether the client sent its close frame. */
    public boolean closeSent() {
        return closeSent;
    }

    /** The local port, the peer port the server sees. */
    public int localPort() {
        return socket.getLocalPort();
    }

    /** The next text not taken yet, waiting for it. */
    public String nextText(Duration timeout) {
        return await(timeout, "a text message", () -> textsTaken < texts.size() ? texts.get(textsTaken++) : null);
    }

    /** The next binary message not taken yet, waiting for it. */
    public byte[] nextBinary(Duration timeout) {
        return await(timeout, "a binary message",
                () -> binariesTaken < binaries.size() ? binaries.get(binariesTaken++) : null);
    }

    /** Waits for the server's close frame, or for the end of the connection without one; returns the code. */
    public int awaitClose(Duration timeout) {
        return await(timeout, "the server's close frame",
                () -> closeCode >= 0 ? Integer.valueOf(closeCode) : ended() ? Integer.valueOf(1006) : null);
    }

    /** Waits until the server closed TCP (or this client its socket). */
    public void awaitEnd(Duration timeout) {
        await(timeout, "the server to close the connection", () -> ended() ? Boolean.TRUE : null);
    }

    /**
     * Waits until {@code poll} gives a value, checking it whenever something arrives; fails at the timeout, or at
     * once if the connection ended before the value came.
     */
    private <T> T await(Duration timeout, String what, Supplier<T> poll) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (true) {
                T value = poll.get();
                if (value != null) {
                    return value;
                }
                if (ended()) {
                    throw new AssertionError("The connection ended before " + what + " came" + closeDetail());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No " + what + " within " + timeout + closeDetail()
                            + (reading ? "" : " (the client is not reading: see resumeReading())"));
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(changed, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("Interrupted while waiting for " + what, e);
                }
            }
        }
    }

    private String closeDetail() {
        return closeCode >= 0 ? "; the server closed with " + closeCode + " " + closeReason : "";
    }

    /**
     * Ends the connection politely if it is still open: a close frame 1000 unless one went already, a short wait for
     * the server to close TCP, then the socket's close.
     */
    public void close(Duration wait) {
        try {
            if (!ended()) {
                reading(true);
                if (!closeSent) {
                    sendClose(1000, "");
                }
                synchronized (changed) {
                    long deadline = System.nanoTime() + wait.toNanos();
                    for (long left = wait.toNanos(); !ended() && left > 0; left = deadline - System.nanoTime()) {
                        TimeUnit.NANOSECONDS.timedWait(changed, left);
                    }
                }
            }
        } catch (IOException e) {
            // the connection is gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closedHere = true;
            closeQuietly(socket);
            signal();
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
