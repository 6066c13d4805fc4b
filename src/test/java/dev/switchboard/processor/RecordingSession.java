package dev.switchboard.processor;

import dev.switchboard.JacksonCodec;
import dev.switchboard.SessionState;
import dev.switchboard.Sessions;
import dev.switchboard.WebSocketSession;
import dev.switchboard.binding.Messages;

import java.lang.reflect.Type;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session that records what generated adapters and the handlers they call do with it: written messages
 * as {@code "text:..."} or {@code "data:..."} (bytes shown as UTF-8), and path parameter look-ups. Its typed
 * messages go through Jackson, as a route's would; a reply's stage is written when it completes.
 */
final class RecordingSession implements WebSocketSession, Messages {

    private static final JacksonCodec CODEC = new JacksonCodec();

    final List<String> events = new ArrayList<>();
    final List<String> pathLookups = new ArrayList<>();
    private final Map<String, String> pathParams;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    RecordingSession(Map<String, String> pathParams) {
        this.pathParams = Map.copyOf(pathParams);
    }

    @Override
    public String pathParam(String name) {
        pathLookups.add(name);
        return pathParams.get(name);
    }

    @Override
    public CompletionStage<Void> writeText(String text) {
        events.add("text:" + text);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> writeData(byte[] data) {
        events.add("data:" + new String(data, StandardCharsets.UTF_8));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> writeData(ByteBuffer data) {
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        return writeData(bytes);
    }

    @Override
    public CompletionStage<Void> writeObject(Object value) {
        try {
            return writeText(CODEC.encodeText(value));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public Object decodeText(String text, Type type) {
        try {
            return CODEC.decodeText(text, type);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Object decodeBinary(ByteBuffer data, Type type) {
        try {
            return CODEC.decodeBinary(data, type);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void reply(Object reply, boolean binary) {
        if (reply instanceof CompletionStage<?> later) {
            later.thenAccept(value -> reply(value, binary));
        } else if (reply instanceof String text) {
            writeText(text);
        } else if (reply instanceof byte[] bytes) {
            writeData(bytes);
        } else if (reply instanceof ByteBuffer data) {
            writeData(data);
        } else if (reply != null) {
            try {
                if (binary) {
                    writeData(CODEC.encodeBinary(reply));
                } else {
                    writeText(CODEC.encodeText(reply));
                }
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
        }
    }

    @Override
    public String id() {
        return "test";
    }

    @Override
    public java.io.Writer openTextWriter() {
        throw new UnsupportedOperationException("not recorded");
    }

    @Override
    public java.io.OutputStream openDataStream() {
        throw new UnsupportedOperationException("not recorded");
    }

    @Override
    public CompletionStage<Void> ping() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> ping(ByteBuffer payload) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        events.add("close");
    }

    @Override
    public void close(int code, String reason) {
        events.add("close:" + code);
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public SessionState state() {
        return SessionState.OPEN;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return InetSocketAddress.createUnresolved("localhost", 0);
    }

    @Override
    public Map<String, String> pathParams() {
        return pathParams;
    }

    @Override
    public String queryParam(String name) {
        return null;
    }

    @Override
    public Map<String, List<String>> queryParams() {
        return Map.of();
    }

    @Override
    public String header(String name) {
        return null;
    }

    @Override
    public Map<String, List<String>> headers() {
        return Map.of();
    }

    @Override
    public Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    public String subprotocol() {
        return null;
    }

    @Override
    public URI requestUri() {
        return URI.create("ws://localhost/");
    }

    @Override
    public Principal principal() {
        return null;
    }

    @Override
    public long bufferedAmount() {
        return 0;
    }

    @Override
    public Sessions peers() {
        throw new UnsupportedOperationException("not used by adapters");
    }

    @Override
    public void join(String group) {
        throw new UnsupportedOperationException("not used by adapters");
    }

    @Override
    public void leave(String group) {
        throw new UnsupportedOperationException("not used by adapters");
    }

    @Override
    public Set<String> groups() {
        return Set.of();
    }

    @Override
    public long droppedMessages() {
        return 0;
    }
}
