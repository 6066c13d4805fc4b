package dev.switchboard;

import dev.switchboard.testkit.Frames;
import dev.switchboard.testkit.Http;
import dev.switchboard.testkit.Trickle;
import dev.switchboard.testkit.Wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test kit's client: opens {@link TestConnection}s to a server whose base URI it knows, tries handshakes and
 * reports the server's answer, and trickles handshakes in. A {@link SwitchboardExtension} injects one into tests
 * and closes its connections after each test; without the extension, {@link #of(URI)} makes one, and
 * {@link #close()} closes what it opened.
 *
 * <pre>{@code
 * try (TestClient client = TestClient.of(server)) {
 *     TestConnection chat = client.connect("/chat/lobby");
 *     chat.sendText("hello");
 *     assertEquals("hello", chat.awaitText());
 * }
 * }</pre>
 *
 * <p>It speaks {@code ws://} over plain sockets, not {@code wss://}.
 */
public final class TestClient implements AutoCloseable {

    /** How long the {@code await} methods wait when given no timeout: 10 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final List<TestConnection> opened = new CopyOnWriteArrayList<>();

    private TestClient(URI base) {
        this.base = base;
    }

    /**
     * A client of the server or application at a base URI.
     *
     * @param base a {@code ws://} URI without a trailing slash, e.g. {@code ws://127.0.0.1:8080} or, for a WAR,
     *             {@code ws://127.0.0.1:8080/app}; paths given to the other methods follow it
     * @return the client
     */
    public static TestClient of(URI base) {
        String text = Objects.requireNonNull(base, "base").toString();
        if (!"ws".equalsIgnoreCase(base.getScheme())) {
            throw new IllegalArgumentException("The test client speaks ws:// only, not " + base);
        }
        return new TestClient(URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text));
    }

    /**
     * A client of a started standalone server, at {@code ws://127.0.0.1:<port>}.
     *
     * @param server the server, started
     * @return the client
     */
    public static TestClient of(Switchboard server) {
        if (server.port() < 0) {
            throw new IllegalStateException("The server is not started");
        }
        return of(URI.create("ws://127.0.0.1:" + server.port()));
    }

    /**
     * The base URI.
     *
     * @return the URI paths are appended to
     */
    public URI uri() {
        return base;
    }

    /**
     * The base URI followed by a path and query.
     *
     * @param pathAndQuery e.g. {@code "/chat/lobby?name=ann"}
     * @return the URI
     */
    public URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    /**
     * Opens a connection: the handshake must succeed.
     *
     * @param pathAndQuery the path and query after the base URI
     * @return the open connection, reading
     * @throws AssertionError if the server does not answer 101 (the message has its status and body)
     */
    public TestConnection connect(String pathAndQuery) {
        return connect(pathAndQuery, Map.of());
    }

    /**
     * Opens a connection with more request headers, e.g. {@code Origin}, {@code Cookie} or
     * {@code Sec-WebSocket-Protocol}; a header named like one of the handshake's own replaces it.
     *
     * @param pathAndQuery the path and query after the base URI
     * @param headers      the headers
     * @return the open connection, reading
     * @throws AssertionError if the server does not answer 101 (the message has its status and body)
     */
    public TestConnection connect(String pathAndQuery, Map<String, String> headers) {
        TestConnection connection = new TestConnection(Wire.open(uri(pathAndQuery), headers, DEFAULT_TIMEOUT));
        opened.add(connection);
        return connection;
    }

    /**
     * What the server answers a handshake: the status, headers and body of a refusal, which browser and JDK
     * clients hide. An accepted handshake is closed at once, politely.
     *
     * @param pathAndQuery the path and query after the base URI
     * @return the answer
     * @throws UncheckedIOException if the server cannot be reached or closes without an answer
     */
    public HandshakeResponse handshake(String pathAndQuery) {
        return handshake(pathAndQuery, Map.of());
    }

    /**
     * What the server answers a handshake with more request headers; a header named like one of the handshake's
     * own replaces it (e.g. {@code Sec-WebSocket-Version: 8}).
     *
     * @param pathAndQuery the path and query after the base URI
     * @param headers      the headers
     * @return the answer
     * @throws UncheckedIOException if the server cannot be reached or closes without an answer
     */
    public HandshakeResponse handshake(String pathAndQuery, Map<String, String> headers) {
        URI uri = uri(pathAndQuery);
        try (Socket socket = Http.connect(uri, DEFAULT_TIMEOUT)) {
            InputStream in = socket.getInputStream();
            socket.getOutputStream().write(Http.upgradeRequest(uri, Http.newKey(), headers));
            Http.Response response = Http.readResponse(socket, in);
            if (response.status() == 101) {
                // An empty close frame, and a moment for the server to answer it, so that it sees an orderly end.
                socket.getOutputStream().write(Frames.masked(true, Frames.CLOSE, new byte[0]));
                socket.setSoTimeout(2000);
                try {
                    in.readNBytes(1024);
                } catch (IOException afterTheClose) {
                    // what the server does after the close does not matter here
                }
            }
            return new HandshakeResponse(response.status(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("The handshake at " + uri + " got no answer", e);
        }
    }

    /**
     * Sends an upgrade request one byte at a time with a pause after each, as a slowloris client does, and reports
     * whether the server closed the connection before the request was complete. A filler header makes the request
     * last half a minute at this pace (at most 8 KiB of it), so that a server with a shorter handshake timeout cuts
     * it; the call returns when the server closes the connection or the request is complete.
     *
     * @param pathAndQuery      the path and query after the base URI
     * @param pauseBetweenBytes the pause after each byte
     * @return what happened
     * @throws UncheckedIOException if the server cannot be reached
     */
    public TrickleResult trickleHandshake(String pathAndQuery, Duration pauseBetweenBytes) {
        try {
            Trickle.Result result = Trickle.run(uri(pathAndQuery), pauseBetweenBytes);
            return new TrickleResult(result.closedByServer(), result.after(), result.bytesSent());
        } catch (IOException e) {
            throw new UncheckedIOException("The trickled handshake at " + uri(pathAndQuery) + " failed", e);
        }
    }

    /**
     * Closes every connection this client opened that is still open, each as {@link TestConnection#close()} does.
     * The {@link SwitchboardExtension} calls it after each test.
     */
    public void closeAll() {
        for (TestConnection connection : opened) {
            connection.close();
        }
        opened.clear();
    }

    /** Same as {@link #closeAll()}. */
    @Override
    public void close() {
        closeAll();
    }

    /**
     * The server's answer to a handshake.
     *
     * @param status  the HTTP status: 101 if accepted
     * @param headers the response headers, names in lower case (the last value of a repeated name)
     * @param body    the body of a refusal, or {@code ""}
     */
    public record HandshakeResponse(int status, Map<String, String> headers, String body) {

        /**
         * A response header by its name in any case.
         *
         * @param name the name
         * @return its value, or {@code null}
         */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * What a {@link #trickleHandshake trickled handshake} met.
     *
     * @param closedByServer whether the server closed the connection before the request was complete
     * @param after          from just before the connection to the server's close, or to the request's end
     * @param bytesSent      how many bytes of the request went out
     */
    public record TrickleResult(boolean closedByServer, Duration after, int bytesSent) {
    }
}
