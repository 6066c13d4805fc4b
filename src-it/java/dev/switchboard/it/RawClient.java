package dev.switchboard.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket client on a plain socket, for what well-behaved clients never do: vanish without a close
 * frame, or stop reading.
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
        String host = uri.getHost();
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String target = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target += "?" + uri.getRawQuery();
        }
        Socket socket = new Socket();
        socket.setReceiveBufferSize(16 * 1024);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setSoTimeout(10_000);
        String request = "GET " + target + " HTTP/1.1\r\n"
                + "Host: " + uri.getRawAuthority() + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        return new RawClient(socket, readHead(socket.getInputStream()));
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
