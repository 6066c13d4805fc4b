package dev.switchboard.containers;

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
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One WebSocket opening handshake on a plain socket, to see what the server answers (status, headers, body), which
 * the JDK client hides. A {@code 101} is followed by a close frame, so the server sees an orderly end.
 *
 * @param status  the response status
 * @param headers the response headers, names in lower case (the last value of a repeated name)
 * @param body    the body of a refusal with a {@code Content-Length}, else {@code ""}
 */
public record Handshake(int status, Map<String, String> headers, String body) {

    /** The key sent in every attempt. */
    public static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    /** Tries a handshake at a {@code ws://} URI (path and query as given). */
    public static Handshake attempt(URI uri) throws IOException {
        return attempt(uri, Map.of());
    }

    /** Tries a handshake at a {@code ws://} URI with extra request headers. */
    public static Handshake attempt(URI uri, Map<String, String> extraHeaders) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Upgrade", "websocket");
        headers.put("Connection", "Upgrade");
        headers.put("Sec-WebSocket-Key", KEY);
        headers.put("Sec-WebSocket-Version", "13");
        headers.putAll(extraHeaders);
        return attempt(uri, "GET", headers);
    }

    /** Sends a request with exactly these headers (besides {@code Host}) to a {@code ws://} URI. */
    public static Handshake attempt(URI uri, String method, Map<String, String> headers) throws IOException {
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder()
                    .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();

            Handshake head = parse(readHead(socket.getInputStream()));
            Handshake response = head.status() == 101 ? head
                    : new Handshake(head.status(), head.headers(), body(head, socket.getInputStream()));
            if (response.status() == 101) {
                // A masked, empty close frame; then wait briefly for the server's close and end of stream.
                socket.getOutputStream().write(new byte[]{(byte) 0x88, (byte) 0x80, 0, 0, 0, 0});
                socket.getOutputStream().flush();
                socket.setSoTimeout(2_000);
                try {
                    socket.getInputStream().readNBytes(1024);
                } catch (SocketTimeoutException | java.net.SocketException ignored) {
                    // the close was sent; the reply does not matter here
                }
            }
            return response;
        }
    }

    /** The {@code Sec-WebSocket-Accept} value RFC 6455 requires for {@link #KEY}. */
    public static String expectedAccept() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(
                    (KEY + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A header value by case-insensitive name, or {@code null}. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * A response's body, as HTTP/1.1 delimits it: by its length, in chunks, or (GlassFish's 426) by the end of the
     * connection.
     */
    private static String body(Handshake head, InputStream in) throws IOException {
        String length = head.header("Content-Length");
        if (length != null) {
            return new String(in.readNBytes(Integer.parseInt(length.trim())), StandardCharsets.UTF_8);
        }
        if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
            StringBuilder body = new StringBuilder();
            for (int size; (size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16)) > 0; readLine(in)) {
                body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
            }
            return body.toString();
        }
        String connection = head.header("Connection");
        boolean closes = connection != null && Arrays.stream(connection.split(","))
                .anyMatch(option -> option.trim().equalsIgnoreCase("close"));
        return closes ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "";
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static Handshake parse(String head) throws IOException {
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            throw new IOException("Not an HTTP response: " + head);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return new Handshake(Integer.parseInt(statusLine[1]), headers, "");
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    throw new IOException("The server closed the connection without a response");
                }
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
