package dev.switchboard.processor;

import dev.switchboard.SessionState;
import dev.switchboard.Sessions;
import dev.switchboard.WebSocketSession;

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
 * as {@code "text:..."} or {@code "data:..."} (bytes shown as UTF-8), and path parameter look-ups.
 */
final class RecordingSession implements WebSocketSession {

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
