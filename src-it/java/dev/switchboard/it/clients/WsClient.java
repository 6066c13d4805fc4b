package dev.switchboard.it.clients;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The JDK {@link WebSocket} client of every integration test: it records what it receives (texts, binary
 * messages, pings, the close code and reason), for assertions with Awaitility. A client made with
 * {@link #connect(URI, Consumer)} hands each text to the caller instead of keeping it.
 */
public final class WsClient implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The whole text messages received, in order (none if the texts go to a caller's consumer). */
    public final List<String> texts = new CopyOnWriteArrayList<>();
    /** The whole binary messages received, in order. */
    public final List<ByteBuffer> binaries = new CopyOnWriteArrayList<>();
    /** The payloads of the pings received, in order. */
    public final List<ByteBuffer> pings = new CopyOnWriteArrayList<>();
    /** The status code of the server's close, or -1 if the connection failed without one. */
    public final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    /** The reason of the server's close, or the error that ended the connection. */
    public volatile String closeReason;

    private final StringBuilder partialText = new StringBuilder();
    // Grows by doubling: joining each fragment into a fresh buffer copies a 16 MiB message gigabytes over.
    private final ByteArrayOutputStream partialBinary = new ByteArrayOutputStream();
    private final boolean reading;
    private final Consumer<String> textSink;
    private WebSocket socket;

    private WsClient(boolean reading, Consumer<String> textSink) {
        this.reading = reading;
        this.textSink = textSink == null ? texts::add : textSink;
    }

    /** Connects to a {@code ws://} URI. */
    public static WsClient connect(URI uri) {
        return connect(uri, Map.of());
    }

    /** Connects with more request headers. */
    public static WsClient connect(URI uri, Map<String, String> headers) {
        return open(HTTP, uri, headers, true, null);
    }

    /**
     * Connects and hands each whole text message to {@code onText}, on the client's thread, instead of keeping
     * it in {@link #texts}: for a client that reads many large messages, or that parses what it receives.
     */
    public static WsClient connect(URI uri, Consumer<String> onText) {
        return open(HTTP, uri, Map.of(), true, onText);
    }

    /** Connects with a client of the caller's, e.g. one that trusts a test certificate for {@code wss://}. */
    public static WsClient connect(HttpClient http, URI uri) {
        return open(http, uri, Map.of(), true, null);
    }

    /** A client that offers subprotocols: the first is the most preferred. */
    public static WsClient connectOffering(URI uri, String... subprotocols) {
        WsClient client = new WsClient(true, null);
        client.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length))
                .buildAsync(uri, client).orTimeout(10, TimeUnit.SECONDS).join();
        return client;
    }

    /** A client that reads nothing after the handshake, so the server's writes pile up. */
    public static WsClient connectNotReading(URI uri) {
        return open(HTTP, uri, Map.of(), false, null);
    }

    private static WsClient open(HttpClient http, URI uri, Map<String, String> headers, boolean reading,
                                 Consumer<String> onText) {
        WsClient client = new WsClient(reading, onText);
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(uri, client).orTimeout(10, TimeUnit.SECONDS).join();
        return client;
    }

    /** The JDK's WebSocket, for what the helpers below do not do (a send without waiting, the subprotocol). */
    public WebSocket socket() {
        return socket;
    }

    /**
     * Sends a whole text message and waits until it is written. Several threads may send: the JDK client takes
     * one send at a time.
     */
    public synchronized void sendText(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Sends a whole binary message and waits until it is written. */
    public synchronized void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Sends a close frame and waits until it is written. */
    public synchronized void sendClose(int code, String reason) {
        socket.sendClose(code, reason).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Whether the connection has ended: the server's close came, or it failed. */
    public boolean closed() {
        return closeCode.isDone();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (reading) {
            webSocket.request(1); // a client that does not read asks for nothing: request(0) would abort it
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partialText.append(data);
        if (last) {
            textSink.accept(partialText.toString());
            partialText.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        partialBinary.writeBytes(bytes);
        if (last) {
            binaries.add(ByteBuffer.wrap(partialBinary.toByteArray()));
            partialBinary.reset();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        ByteBuffer copy = ByteBuffer.allocate(message.remaining());
        pings.add(copy.put(message).flip());
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeReason = String.valueOf(error);
        closeCode.complete(-1);
    }

    @Override
    public void close() {
        // Once the server's close has come, the JDK client answers it and closes by itself. Aborting then races
        // that close and can deadlock the client's selector thread (seen on JDK 17.0.15), which is shared.
        if (!closeCode.isDone()) {
            socket.abort();
        }
    }
}
