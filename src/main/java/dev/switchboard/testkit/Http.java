package dev.switchboard.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The HTTP side of an opening handshake, written and read byte for byte. */
public final class Http {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private Http() {
    }

    /**
     * A response head and, for a refusal, its body.
     *
     * @param status  the status code
     * @param headers the headers, names in lower case (the last value of a repeated name)
     * @param body    the body of a refusal, or {@code ""}
     */
    public record Response(int status, Map<String, String> headers, String body) {
    }

    /**
     * A TCP connection to the host and port of a {@code ws://} URI, with a receive buffer small enough that a client
     * that stops reading makes the server's writes pile up soon, and reads that time out after {@code timeout}.
     */
    public static Socket connect(URI uri, Duration timeout) throws IOException {
        if (!"ws".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("The test client speaks ws:// only, not " + uri);
        }
        Socket socket = new Socket();
        socket.setReceiveBufferSize(32 * 1024); // before connecting: it sets the TCP window
        socket.setTcpNoDelay(true);
        int millis = Math.toIntExact(timeout.toMillis());
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort()), millis);
        socket.setSoTimeout(millis);
        return socket;
    }

    /** A new random {@code Sec-WebSocket-Key}. */
    public static String newKey() {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    /** The {@code Sec-WebSocket-Accept} RFC 6455 requires for a key. */
    public static String acceptFor(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An upgrade request for the path and query of a URI: {@code Host}, the four upgrade headers, then {@code extra}
     * headers, which replace those of the same name (case-insensitive) and come after them otherwise.
     */
    public static byte[] upgradeRequest(URI uri, String key, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "Host: " + uri.getRawAuthority());
        headers.put("upgrade", "Upgrade: websocket");
        headers.put("connection", "Connection: Upgrade");
        headers.put("sec-websocket-key", "Sec-WebSocket-Key: " + key);
        headers.put("sec-websocket-version", "Sec-WebSocket-Version: 13");
        extra.forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), name + ": " + value));
        String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target += "?" + uri.getRawQuery();
        }
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n");
        headers.values().forEach(line -> request.append(line).append("\r\n"));
        return request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads a response head, up to its blank line, and for anything but a 101 its body: as long as its
     * {@code Content-Length} says, else until the server closes or stays quiet for a second.
     *
     * @throws IOException if the server closed the connection without a response, or did not answer HTTP
     */
    public static Response readResponse(Socket socket, InputStream in) throws IOException {
        String head = readHead(in).strip();
        if (head.isEmpty()) {
            throw new IOException("The server closed the connection without a response");
        }
        Response response = parseHead(head);
        return response.status() == 101 ? response : new Response(response.status(), response.headers(),
                readBody(socket, in, response.headers().get("content-length")));
    }

    /**
     * The status and headers of a response head (names in lower case, the last value of a repeated name), without
     * a body.
     *
     * @throws IOException if it is not an HTTP response
     */
    public static Response parseHead(String head) throws IOException {
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            throw new IOException("Not an HTTP response: " + head);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return new Response(Integer.parseInt(statusLine[1]), Collections.unmodifiableMap(headers), "");
    }

    /** Reads a response head as it came, up to and with its blank line; empty if the server closed first. */
    public static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] end = {'\r', '\n', '\r', '\n'};
        int matched = 0;
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String readBody(Socket socket, InputStream in, String contentLength) throws IOException {
        if (contentLength != null) {
            return new String(in.readNBytes(Integer.parseInt(contentLength)), StandardCharsets.UTF_8);
        }
        int timeout = socket.getSoTimeout();
        socket.setSoTimeout(1000);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            byte[] buffer = new byte[4096];
            for (int n; body.size() < 64 * 1024 && (n = in.read(buffer)) >= 0; ) {
                body.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException quietOrReset) {
            // the body is what came
        } finally {
            socket.setSoTimeout(timeout);
        }
        return body.toString(StandardCharsets.UTF_8);
    }
}
