package dev.switchboard.it.clients;

import dev.switchboard.testkit.Http;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
            Http.Response parsed = Http.parseHead(client.responseHead.strip());
            Handshake head = new Handshake(parsed.status(), parsed.headers(), "");
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
        return Http.acceptFor(KEY);
    }

    /** A header value by case-insensitive name, or {@code null}. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
