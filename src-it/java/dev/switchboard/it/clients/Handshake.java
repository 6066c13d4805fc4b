package dev.switchboard.it.clients;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a server answers one request or WebSocket opening handshake made with {@link RawClient} (status, headers,
 * body), which the JDK client hides. A {@code 101} is followed by a close frame, so the server sees an orderly end.
 *
 * @param status  the response status
 * @param headers the response headers, names in lower case (the last value of a repeated name)
 * @param body    the body of a refusal with a {@code Content-Length}, else {@code ""}
 */
public record Handshake(int status, Map<String, String> headers, String body) {

    /** The key sent in every attempt. */
    public static final String KEY = RawClient.KEY;

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
        try (RawClient client = RawClient.request(uri, method, headers)) {
            if (client.responseHead.isEmpty()) {
                throw new IOException("The server closed the connection without a response");
            }
            Handshake head = parse(client.responseHead);
            Handshake response = head.status() == 101 || head.header("Content-Length") == null ? head
                    : new Handshake(head.status(), head.headers(), new String(client.readBody(
                            Integer.parseInt(head.header("Content-Length"))), StandardCharsets.UTF_8));
            if (response.status() == 101) {
                // An empty close frame; then wait briefly for the server's close and end of stream.
                client.send(RawClient.frame(0x8, new byte[0]));
                client.drain(Duration.ofSeconds(2));
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
}
