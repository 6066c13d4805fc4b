package dev.switchboard.it;

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

/**
 * A JDK {@link WebSocket} client that records what it receives, for assertions with Awaitility.
 */
final class WsClient implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final List<String> texts = new CopyOnWriteArrayList<>();
    final List<ByteBuffer> binaries = new CopyOnWriteArrayList<>();
    final List<ByteBuffer> pings = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    volatile String closeReason;

    private final StringBuilder partialText = new StringBuilder();
    // Grows by doubling: joining each fragment into a fresh buffer copies a 16 MiB message gigabytes over.
    private final ByteArrayOutputStream partialBinary = new ByteArrayOutputStream();
    private final boolean reading;
    private WebSocket socket;

    private WsClient(boolean reading) {
        this.reading = reading;
    }

    static WsClient connect(URI uri) {
        return connect(uri, Map.of());
    }

    static WsClient connect(URI uri, Map<String, String> headers) {
        return open(HTTP, uri, headers, true);
    }

    /** Connects with a client of the caller's, e.g. one that trusts a test certificate for {@code wss://}. */
    static WsClient connect(HttpClient http, URI uri) {
        return open(http, uri, Map.of(), true);
    }

    /** A client that offers subprotocols: the first is the most preferred. */
    static WsClient connectOffering(URI uri, String... subprotocols) {
        WsClient client = new WsClient(true);
        client.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length))
                .buildAsync(uri, client).orTimeout(10, TimeUnit.SECONDS).join();
        return client;
    }

    /** A client that reads nothing after the handshake, so the server's writes pile up. */
    static WsClient connectNotReading(URI uri) {
        return open(HTTP, uri, Map.of(), false);
    }

    private static WsClient open(HttpClient http, URI uri, Map<String, String> headers, boolean reading) {
        WsClient client = new WsClient(reading);
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(uri, client).orTimeout(10, TimeUnit.SECONDS).join();
        return client;
    }

    WebSocket socket() {
        return socket;
    }

    void sendText(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    void sendClose(int code, String reason) {
        socket.sendClose(code, reason).orTimeout(10, TimeUnit.SECONDS).join();
    }

    boolean closed() {
        return closeCode.isDone();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(reading ? 1 : 0);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partialText.append(data);
        if (last) {
            texts.add(partialText.toString());
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
