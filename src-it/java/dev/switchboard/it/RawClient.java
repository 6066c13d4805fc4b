package dev.switchboard.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A WebSocket client on a plain socket, for what well-behaved clients never do: vanish without a close
 * frame, stop reading, or announce frames larger than the server takes.
 */
final class RawClient implements AutoCloseable {

    private final Socket socket;
    final String responseHead;

    private RawClient(Socket socket, String responseHead) {
        this.socket = socket;
        this.responseHead = responseHead;
    }

    /** Sends an upgrade request for {@code path} (with its query) to 127.0.0.1 at {@code port}. */
    static RawClient upgrade(int port, String path) throws IOException {
        return upgrade(URI.create("ws://127.0.0.1:" + port + path));
    }

    /**
     * Sends an upgrade request for the path and query of a {@code ws://} URI to its host and port, and reads
     * the response head.
     */
    static RawClient upgrade(URI uri) throws IOException {
        return upgrade(uri, "");
    }

    /**
     * As {@link #upgrade(URI)}, with more request header lines, e.g. {@code "Sec-WebSocket-Extensions: ...\r\n"}.
     */
    static RawClient upgrade(URI uri, String moreHeaders) throws IOException {
        Socket socket = connect(uri);
        socket.getOutputStream().write(request(uri, moreHeaders));
        return new RawClient(socket, readHead(socket.getInputStream()));
    }

    /**
     * Sends the first {@code bytes} of an upgrade request (all of it if it is shorter) and leaves without reading
     * the answer: with a FIN, or with a reset if {@code reset}.
     */
    static void abandon(URI uri, int bytes, boolean reset) throws IOException {
        try (Socket socket = connect(uri)) {
            byte[] request = request(uri, "");
            socket.getOutputStream().write(request, 0, Math.min(bytes, request.length));
            if (reset) {
                socket.setSoLinger(true, 0);
            }
        }
    }

    private static Socket connect(URI uri) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(16 * 1024);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort()), 10_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static byte[] request(URI uri, String moreHeaders) {
        String target = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target += "?" + uri.getRawQuery();
        }
        String request = "GET " + target + " HTTP/1.1\r\n"
                + "Host: " + uri.getRawAuthority() + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + moreHeaders + "\r\n";
        return request.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Sends the upgrade requests all at once, from several threads, and reads each response head; refused ones
     * are among the clients too, with their status.
     */
    static List<RawClient> upgradeAll(List<URI> uris, int threads) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<RawClient> clients = new ArrayList<>();
        Throwable failure = null;
        try {
            for (Future<RawClient> upgrade : pool.invokeAll(uris.stream()
                    .map(uri -> (Callable<RawClient>) () -> upgrade(uri)).toList())) {
                try {
                    clients.add(upgrade.get());
                } catch (ExecutionException e) {
                    failure = e.getCause();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (failure != null) {
            for (RawClient client : clients) {
                client.close();
            }
            throw new IOException("An upgrade failed: " + failure, failure);
        }
        return clients;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    int statusCode() {
        return Integer.parseInt(responseHead.split(" ", 3)[1]);
    }

    /** The local port of this client, as the server sees it as the peer port. */
    int localPort() {
        return socket.getLocalPort();
    }

    /**
     * The head of one final, masked frame that announces {@code length} bytes of payload, and only the first
     * {@code payloadBytes} of that payload (zeros).
     */
    static byte[] frameStart(int opcode, long length, int payloadBytes) {
        ByteArrayOutputStream frame = head(opcode, length);
        frame.writeBytes(new byte[payloadBytes]);
        return frame.toByteArray();
    }

    /** One final, masked frame with its whole payload, as a client sends it. */
    static byte[] frame(int opcode, byte[] payload) {
        ByteArrayOutputStream frame = head(opcode, payload.length);
        frame.writeBytes(payload);
        return frame.toByteArray();
    }

    /** The head of a final frame, with a zero mask: the payload goes as it is. */
    private static ByteArrayOutputStream head(int opcode, long length) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(0x80 | opcode);
        if (length <= 125) {
            head.write(0x80 | (int) length);
        } else if (length <= 0xFFFF) {
            head.write(0x80 | 126);
            head.write((int) (length >>> 8));
            head.write((int) length);
        } else {
            head.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                head.write((int) (length >>> shift));
            }
        }
        head.writeBytes(new byte[4]);
        return head;
    }

    /** Sends frames, or parts of them, in one write. */
    void send(byte[]... frames) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] frame : frames) {
            bytes.writeBytes(frame);
        }
        socket.getOutputStream().write(bytes.toByteArray());
    }

    /** A frame from the server: servers send them unmasked. */
    record Frame(int opcode, byte[] payload) {

        /** The status code of a close frame. */
        int closeCode() {
            return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        /** The reason of a close frame. */
        String closeReason() {
            return new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }
    }

    /** Reads the next frame the server sends. */
    Frame readFrame() throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(first & 0x0F, payload);
    }

    /** A client's close frame with a status code and reason. */
    static byte[] closeFrame(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + text.length];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, text.length);
        return frame(0x8, payload);
    }

    /** Whether the server closed the TCP connection: the next read finds its end. */
    boolean endOfStream() throws IOException {
        return socket.getInputStream().read() < 0;
    }

    /**
     * Whether the connection stays open and quiet for a while: nothing to read and no end of stream, only the
     * read's timeout.
     */
    boolean quietFor(Duration wait) throws IOException {
        int timeout = socket.getSoTimeout();
        socket.setSoTimeout(Math.toIntExact(wait.toMillis()));
        try {
            socket.getInputStream().read();
            return false;
        } catch (SocketTimeoutException stillOpen) {
            return true;
        } finally {
            socket.setSoTimeout(timeout);
        }
    }

    /** Closes the TCP connection with a FIN and no close frame. */
    void vanish() throws IOException {
        socket.close();
    }

    /** Resets the TCP connection: no close frame, no FIN. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
