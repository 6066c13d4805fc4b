package dev.switchboard.bench.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * One connection of {@link NioClient}: the opening handshake, then RFC 6455 frames both ways. Reading,
 * parsing and the listener calls happen on the selector thread; sends may come from any thread and are
 * written at once when the socket takes them, else queued until it does.
 *
 * <p>What a listener sends while the socket's input is being handled goes out in one write when that input
 * is done, as a C load generator batches per event-loop turn: with many messages in flight, one system call
 * carries several frames.
 *
 * <p>Client frames must be masked; this client masks with the all-zero key, which the protocol allows and
 * which makes masking free for the generator (the server unmasks as it always does). The server's frames
 * are parsed in the connection's read buffer, which starts small and grows to the largest frame seen.
 */
public final class NioSocket {

    private static final int INITIAL_BUFFER = 4096;
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    private static final byte OP_CONTINUATION = 0;
    private static final byte OP_TEXT = 1;
    private static final byte OP_BINARY = 2;
    private static final byte OP_CLOSE = 8;
    private static final byte OP_PING = 9;

    private enum State { CONNECTING, UPGRADING, OPEN, CLOSED }

    private final NioClient client;
    private final SocketChannel channel;
    private final BenchConnection listener;
    private final CompletableFuture<NioSocket> opened;
    private final Upgrade upgrade;
    private SelectionKey key;
    private State state = State.CONNECTING;

    // Inbound, selector thread only.
    private byte[] in = new byte[INITIAL_BUFFER];
    private int inLength;
    private byte partialOpcode = -1;
    private ByteArrayOutputStream partial;

    // Outbound, guarded by this. The cork holds what the selector thread sends while handling input.
    private boolean corking;
    private ByteBuffer cork;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<Void>> pendingDone = new ArrayDeque<>();
    private volatile boolean outputClosed;
    private boolean closeReceived;

    private NioSocket(NioClient client, SocketChannel channel, URI uri, BenchConnection listener,
                      CompletableFuture<NioSocket> opened) {
        this.client = client;
        this.channel = channel;
        this.listener = listener;
        this.opened = opened;
        this.upgrade = new Upgrade(uri);
    }

    /** On the selector thread: starts connecting; {@code opened} completes after the 101, or fails. */
    static void connect(NioClient client, URI uri, BenchConnection listener, CompletableFuture<NioSocket> opened) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            NioSocket socket = new NioSocket(client, channel, uri, listener, opened);
            socket.key = channel.register(client.selector(), SelectionKey.OP_CONNECT, socket);
            if (channel.connect(new InetSocketAddress(uri.getHost(), uri.getPort()))) {
                socket.connected();
            }
        } catch (IOException | RuntimeException e) {
            opened.completeExceptionally(e);
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // Failed already.
                }
            }
        }
    }

    /** On the selector thread: the key is ready for what it was registered for. */
    void ready(SelectionKey ready) {
        try {
            if (ready.isConnectable() && channel.finishConnect()) {
                connected();
            }
            if (ready.isValid() && ready.isWritable()) {
                flush();
            }
            if (ready.isValid() && ready.isReadable()) {
                read();
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    // ---- sending and closing, any thread

    /**
     * Sends a whole text message.
     *
     * @return completes when the socket took the message
     */
    public CompletableFuture<?> sendText(String text) {
        return send(frame(OP_TEXT, text.getBytes(StandardCharsets.UTF_8), 0));
    }

    /** Sends a close frame; the connection's listener hears of the server's answer. */
    CompletableFuture<?> sendClose(int code, String reason) {
        byte[] reasonBytes = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + reasonBytes.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(reasonBytes, 0, payload, 2, reasonBytes.length);
        CompletableFuture<Void> sent = send(frame(OP_CLOSE, payload, payload.length));
        outputClosed = true;
        return sent;
    }

    /** Drops the TCP connection without a closing handshake. */
    void abort() {
        if (client.inLoop()) {
            closeChannel();
        } else {
            outputClosed = true;
            client.execute(this::closeChannel);
        }
    }

    /** Whether a close frame was sent or the connection is gone. */
    boolean isOutputClosed() {
        return outputClosed;
    }

    // ---- writing

    /** A masked frame (all-zero key) with the given payload bytes: {@code length} of them, or all if 0. */
    private static ByteBuffer frame(byte opcode, byte[] payload, int length) {
        int size = length > 0 ? length : payload.length;
        ByteBuffer frame = ByteBuffer.allocate(frameSize(size));
        return putFrame(frame, opcode, payload, size).flip();
    }

    private static int frameSize(int payloadSize) {
        return (payloadSize < 126 ? 6 : payloadSize <= 0xFFFF ? 8 : 14) + payloadSize;
    }

    private static ByteBuffer putFrame(ByteBuffer frame, byte opcode, byte[] payload, int size) {
        frame.put((byte) (0x80 | opcode));
        if (size < 126) {
            frame.put((byte) (0x80 | size));
        } else if (size <= 0xFFFF) {
            frame.put((byte) (0x80 | 126)).putShort((short) size);
        } else {
            frame.put((byte) (0x80 | 127)).putLong(size);
        }
        frame.putInt(0); // the masking key
        return frame.put(payload, 0, size);
    }

    /** On the selector thread, after handling input: sends what the listener sent meanwhile, in one write. */
    private void uncork() {
        synchronized (this) {
            corking = false;
            if (cork == null || cork.position() == 0 || state == State.CLOSED) {
                return;
            }
            ByteBuffer batch = cork.flip();
            cork = null;
            write(batch);
        }
    }

    /**
     * Sends a frame: into the cork while the selector thread handles this socket's input (so it stays in
     * order with what the listener sends meanwhile), else to the socket, or the queue if the socket is full.
     */
    private synchronized CompletableFuture<Void> send(ByteBuffer frame) {
        if (outputClosed || state == State.CLOSED) {
            return CompletableFuture.failedFuture(new IOException("output closed"));
        }
        if (corking) {
            if (cork == null || cork.remaining() < frame.remaining()) {
                int used = cork == null ? 0 : cork.position();
                ByteBuffer larger = ByteBuffer.allocate(Math.max(INITIAL_BUFFER, 2 * (used + frame.remaining())));
                if (cork != null) {
                    larger.put(cork.flip());
                }
                cork = larger;
            }
            cork.put(frame);
            return DONE;
        }
        return write(frame);
    }

    private synchronized CompletableFuture<Void> write(ByteBuffer frame) {
        if (pending.isEmpty() && state == State.OPEN) {
            try {
                channel.write(frame);
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
            if (!frame.hasRemaining()) {
                return DONE;
            }
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        pending.add(frame);
        pendingDone.add(done);
        if (state != State.CONNECTING) {
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            client.wakeupFromOutside();
        }
        return done;
    }

    private void flush() throws IOException {
        synchronized (this) {
            while (!pending.isEmpty()) {
                ByteBuffer head = pending.peek();
                channel.write(head);
                if (head.hasRemaining()) {
                    return;
                }
                pending.poll();
                pendingDone.poll().complete(null);
            }
            if (key.isValid()) {
                key.interestOps(SelectionKey.OP_READ);
            }
        }
        if (outputClosed && closeReceived) {
            closeChannel();
        }
    }

    private void connected() throws IOException {
        state = State.UPGRADING;
        ByteBuffer request = ByteBuffer.wrap(upgrade.request());
        channel.write(request);
        synchronized (this) {
            if (request.hasRemaining()) {
                pending.addFirst(request);
                pendingDone.addFirst(new CompletableFuture<>());
            }
            key.interestOps(pending.isEmpty() ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
    }

    // ---- reading

    private void read() throws IOException {
        synchronized (this) {
            corking = true;
        }
        try {
            readAvailable();
        } finally {
            uncork();
        }
    }

    private void readAvailable() throws IOException {
        while (true) {
            if (inLength == in.length) {
                in = Arrays.copyOf(in, in.length * 2);
            }
            int read = channel.read(ByteBuffer.wrap(in, inLength, in.length - inLength));
            if (read < 0) {
                if (state != State.CLOSED) {
                    fail(new IOException("connection closed without a close frame"));
                }
                return;
            }
            inLength += read;
            int used = state == State.UPGRADING ? upgraded() : 0;
            if (state == State.OPEN) {
                used = frames(used);
            }
            if (used > 0) {
                System.arraycopy(in, used, in, 0, inLength - used);
                inLength -= used;
            }
            if (inLength < in.length || state == State.CLOSED) {
                return; // the socket had no more for now
            }
        }
    }

    /** Parses the response head if it is complete; returns the bytes it took. */
    private int upgraded() throws IOException {
        int end = Upgrade.headEnd(in, inLength);
        if (end < 0) {
            if (inLength >= 16384) {
                throw new IOException("handshake response head over 16 KiB");
            }
            return 0;
        }
        upgrade.check(new String(in, 0, end, StandardCharsets.ISO_8859_1));
        synchronized (this) {
            state = State.OPEN;
        }
        listener.attach(this);
        opened.complete(this);
        return end;
    }

    /** Handles the whole frames from {@code offset}; returns where the first incomplete one starts. */
    private int frames(int offset) throws IOException {
        int at = offset;
        while (state == State.OPEN && inLength - at >= 2) {
            int b0 = in[at] & 0xFF;
            int b1 = in[at + 1] & 0xFF;
            if ((b1 & 0x80) != 0) {
                throw new IOException("the server masked a frame");
            }
            long length = b1 & 0x7F;
            int header = 2;
            if (length == 126) {
                if (inLength - at < 4) {
                    break;
                }
                length = ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
                header = 4;
            } else if (length == 127) {
                if (inLength - at < 10) {
                    break;
                }
                length = ByteBuffer.wrap(in, at + 2, 8).getLong();
                header = 10;
            }
            if (length > Integer.MAX_VALUE - 64) {
                throw new IOException("frame of " + length + " bytes");
            }
            int total = header + (int) length;
            if (inLength - at < total) {
                if (total > in.length) {
                    in = Arrays.copyOf(in, Math.max(total, in.length * 2)); // room for it, read on
                }
                break;
            }
            frame((b0 & 0x80) != 0, (byte) (b0 & 0x0F), at + header, (int) length);
            at += total;
        }
        return at;
    }

    private void frame(boolean fin, byte opcode, int from, int length) throws IOException {
        switch (opcode) {
            case OP_TEXT, OP_BINARY -> {
                if (fin) {
                    message(opcode, in, from, length);
                } else {
                    partialOpcode = opcode;
                    partial = new ByteArrayOutputStream(length * 2);
                    partial.write(in, from, length);
                }
            }
            case OP_CONTINUATION -> {
                if (partial == null) {
                    throw new IOException("a continuation frame without a message");
                }
                partial.write(in, from, length);
                if (fin) {
                    byte[] whole = partial.toByteArray();
                    partial = null;
                    message(partialOpcode, whole, 0, whole.length);
                }
            }
            case OP_CLOSE -> closeFrame(from, length);
            case OP_PING -> {
                send(frame((byte) 10, Arrays.copyOfRange(in, from, from + length), length));
                listener.pingArrived();
            }
            default -> {
                // A pong: nothing to do.
            }
        }
    }

    private void message(byte opcode, byte[] bytes, int from, int length) {
        if (opcode == OP_TEXT) {
            listener.textArrived(new String(bytes, from, length, StandardCharsets.UTF_8));
        } else {
            listener.binaryArrived();
        }
    }

    private void closeFrame(int from, int length) {
        int code = length >= 2 ? ((in[from] & 0xFF) << 8) | (in[from + 1] & 0xFF) : 1005;
        String reason = length > 2 ? new String(in, from + 2, length - 2, StandardCharsets.UTF_8) : "";
        boolean flushed;
        synchronized (this) {
            closeReceived = true;
            if (!outputClosed) {
                sendClose(code == 1005 ? 1000 : code, "");
            }
            uncork(); // what was answered before the close goes first
            flushed = pending.isEmpty();
        }
        listener.closeArrived(code, reason);
        if (flushed) {
            closeChannel();
        }
    }

    // ---- ending

    private void fail(Throwable error) {
        boolean wasOpen = state == State.OPEN;
        closeChannel();
        if (!opened.completeExceptionally(error) && wasOpen) {
            listener.failed(error);
        }
    }

    private void closeChannel() {
        synchronized (this) {
            state = State.CLOSED;
            outputClosed = true;
            for (CompletableFuture<Void> done; (done = pendingDone.poll()) != null; ) {
                done.completeExceptionally(new IOException("connection closed"));
            }
            pending.clear();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Closed anyway.
        }
    }
}
