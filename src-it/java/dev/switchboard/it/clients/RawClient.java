package dev.switchboard.it.clients;

import dev.switchboard.testkit.Frames;
import dev.switchboard.testkit.Http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The raw-socket client of the integration tests that need more than the test kit's {@code TestClient} gives: any
 * HTTP request written byte for byte (see {@link Handshake}), hundreds of upgrades at once, requests cut short, and
 * frames packed into one write.
 */
public final class RawClient implements AutoCloseable {

    /** The {@code Sec-WebSocket-Key} of every upgrade request. */
    public static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private final Socket socket;
    /** The response head, status line to blank line, as read (empty if the server closed without one). */
    public final String responseHead;

    private RawClient(Socket socket, String responseHead) {
        this.socket = socket;
        this.responseHead = responseHead;
    }

    /** Sends an upgrade request for {@code path} (with its query) to 127.0.0.1 at {@code port}. */
    public static RawClient upgrade(int port, String path) throws IOException {
        return upgrade(URI.create("ws://127.0.0.1:" + port + path));
    }

    /**
     * Sends an upgrade request for the path and query of a {@code ws://} URI to its host and port, and reads
     * the response head.
     */
    public static RawClient upgrade(URI uri) throws IOException {
        return upgrade(uri, "");
    }

    /**
     * As {@link #upgrade(URI)}, with more request header lines, e.g. {@code "Sec-WebSocket-Extensions: ...\r\n"}.
     */
    public static RawClient upgrade(URI uri, String moreHeaders) throws IOException {
        return open(uri, upgradeRequest(uri, moreHeaders));
    }

    /**
     * Sends a request with exactly these headers (besides {@code Host}) to the path and query of a URI, and reads
     * the response head.
     */
    public static RawClient request(URI uri, String method, Map<String, String> headers) throws IOException {
        StringBuilder lines = new StringBuilder();
        headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append("\r\n"));
        return open(uri, requestHead(uri, method, lines.toString()));
    }

    private static RawClient open(URI uri, byte[] request) throws IOException {
        Socket socket = openSocket(uri);
        try {
            socket.getOutputStream().write(request);
            return new RawClient(socket, Http.readHead(socket.getInputStream()));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Sends the first {@code bytes} of an upgrade request (all of it if it is shorter) and leaves without reading
     * the answer: with a FIN, or with a reset if {@code reset}.
     */
    public static void abandon(URI uri, int bytes, boolean reset) throws IOException {
        try (Socket socket = openSocket(uri)) {
            byte[] request = upgradeRequest(uri, "");
            socket.getOutputStream().write(request, 0, Math.min(bytes, request.length));
            if (reset) {
                socket.setSoLinger(true, 0);
            }
        }
    }

    /**
     * A plain TCP connection to the host and port of a {@code ws://} URI, with 10 s timeouts and nothing sent: for
     * requests that are not a handshake at all, or are cut short.
     */
    public static Socket openSocket(URI uri) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(16 * 1024);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort()), 10_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static byte[] upgradeRequest(URI uri, String moreHeaders) {
        return requestHead(uri, "GET", "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + KEY + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + moreHeaders);
    }

    /** A request head: the request line for the URI's path and query, {@code Host}, the header lines, a blank line. */
    private static byte[] requestHead(URI uri, String method, String headerLines) {
        String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target += "?" + uri.getRawQuery();
        }
        String request = method + " " + target + " HTTP/1.1\r\n"
                + "Host: " + uri.getRawAuthority() + "\r\n"
                + headerLines + "\r\n";
        return request.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Sends the upgrade requests all at once, from several threads, and reads each response head; refused ones
     * are among the clients too, with their status.
     */
    public static List<RawClient> upgradeAll(List<URI> uris, int threads) throws IOException, InterruptedException {
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

    /** The status of the response. */
    public int statusCode() {
        return Integer.parseInt(responseHead.split(" ", 3)[1]);
    }

    /** The local port of this client, as the server sees it as the peer port. */
    public int localPort() {
        return socket.getLocalPort();
    }

    /** One final, masked frame with its whole payload, as a client sends it. */
    public static byte[] frame(int opcode, byte[] payload) {
        return Frames.masked(true, opcode, payload);
    }

    /** Sends frames, or parts of them, in one write. */
    public void send(byte[]... frames) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] frame : frames) {
            bytes.writeBytes(frame);
        }
        socket.getOutputStream().write(bytes.toByteArray());
    }

    /** A frame from the server: servers send them unmasked. */
    public record Frame(int opcode, byte[] payload) {

        /** The status code of a close frame. */
        public int closeCode() {
            return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        /** The reason of a close frame. */
        public String closeReason() {
            return new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }
    }

    /** Reads the next frame the server sends. */
    public Frame readFrame() throws IOException {
        Frames.Frame frame = Frames.read(socket.getInputStream());
        if (frame == null) {
            throw new EOFException("The server closed the connection");
        }
        return new Frame(frame.opcode(), frame.payload());
    }

    /** A client's close frame with a status code and reason. */
    public static byte[] closeFrame(int code, String reason) {
        return frame(Frames.CLOSE, Frames.closePayload(code, reason));
    }

    /** Reads {@code length} bytes of the response body, e.g. a refusal's {@code Content-Length}. */
    public byte[] readBody(int length) throws IOException {
        return socket.getInputStream().readNBytes(length);
    }

    /**
     * Reads what the server still sends, up to 1 KiB, until its end of stream or for {@code wait} at most: to let
     * a close frame be answered before the socket closes. A timeout or a reset ends it quietly.
     */
    public void drain(Duration wait) throws IOException {
        socket.setSoTimeout(Math.toIntExact(wait.toMillis()));
        try {
            socket.getInputStream().readNBytes(1024);
        } catch (SocketTimeoutException | java.net.SocketException ignored) {
            // what the server does after the close does not matter here
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
