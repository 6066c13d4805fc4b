package dev.switchboard.client;

import dev.switchboard.ClientSession;
import dev.switchboard.ClientState;
import dev.switchboard.CloseStatus;
import dev.switchboard.SendQueueLimits;
import dev.switchboard.SessionClosedException;
import dev.switchboard.SessionState;
import dev.switchboard.Sessions;
import dev.switchboard.WebSocketSession;
import dev.switchboard.runtime.ClientLink;
import dev.switchboard.runtime.Engine;

import java.io.OutputStream;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The {@link ClientSession} of one client: the session API over whichever connection is open, holding writes for
 * the next one while the client reconnects if it was asked to.
 */
final class ReconnectingSession implements ClientSession {

    private final String id = UUID.randomUUID().toString();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final ClientRun run;
    private final URI uri;
    private final HeldWrites held;
    private final boolean holdsWrites;
    /** The open connection, or {@code null} between connections. */
    private volatile ClientLink current;
    /** The latest connection, open or not, for what it knew; {@code null} before the first. */
    private volatile ClientLink latest;

    ReconnectingSession(ClientRun run, URI uri, SendQueueLimits limits, boolean holdsWrites) {
        this.run = run;
        this.uri = uri;
        this.held = new HeldWrites(limits);
        this.holdsWrites = holdsWrites;
    }

    // ---- from the client's run

    /** A connection opened: what was held goes first, then the writes of everyone. Called holding the run. */
    void connected(ClientLink link) {
        held.writeTo(link.session());
        latest = link;
        current = link;
    }

    /** The connection ended: writes from now on are held or fail. Called holding the run. */
    void disconnected() {
        current = null;
    }

    /** The client ended: what is held fails. */
    void ended(SessionClosedException failure) {
        current = null;
        held.failAll(failure);
    }

    /** Closes the open connection; its end ends the client. */
    void closeConnection(int code, String reason) {
        ClientLink link = current;
        if (link != null) {
            link.session().close(code, reason);
        }
    }

    // ---- writes

    private CompletionStage<Void> write(long bytes, Function<WebSocketSession, CompletionStage<Void>> write) {
        ClientLink link = current;
        if (link != null) {
            return write.apply(link.session());
        }
        synchronized (run) {
            link = current;
            if (link == null && holdsWrites && run.state() != ClientState.CLOSED) {
                return held.hold(bytes, write);
            }
        }
        return link != null ? write.apply(link.session()) : CompletableFuture.failedFuture(new SessionClosedException(
                "The client to " + uri + " is " + run.state().name().toLowerCase() + "; the message was not sent."));
    }

    @Override
    public CompletionStage<Void> writeText(String text) {
        return write(text.length() * 3L, session -> session.writeText(text));
    }

    @Override
    public CompletionStage<Void> writeData(byte[] data) {
        return write(data.length, session -> session.writeData(data));
    }

    @Override
    public CompletionStage<Void> writeData(ByteBuffer data) {
        return write(data.remaining(), session -> session.writeData(data));
    }

    @Override
    public CompletionStage<Void> writeObject(Object value) {
        return write(64, session -> session.writeObject(value));
    }

    @Override
    public CompletionStage<Void> ping() {
        return write(0, WebSocketSession::ping);
    }

    @Override
    public CompletionStage<Void> ping(ByteBuffer payload) {
        return write(payload.remaining(), session -> session.ping(payload));
    }

    @Override
    public Writer openTextWriter() {
        return open().openTextWriter();
    }

    @Override
    public OutputStream openDataStream() {
        return open().openDataStream();
    }

    private WebSocketSession open() {
        ClientLink link = current;
        if (link == null) {
            throw new SessionClosedException("The client to " + uri + " is " + run.state().name().toLowerCase()
                    + ": no connection to write to.");
        }
        return link.session();
    }

    // ---- closing and state

    @Override
    public void close() {
        run.close(CloseStatus.NORMAL, "");
    }

    @Override
    public void close(int code, String reason) {
        run.close(code, reason);
    }

    @Override
    public boolean isOpen() {
        ClientLink link = current;
        return link != null && link.session().isOpen();
    }

    @Override
    public SessionState state() {
        ClientLink link = current;
        return link != null ? link.session().state() : SessionState.CLOSED;
    }

    @Override
    public ClientState clientState() {
        return run.state();
    }

    @Override
    public CompletionStage<CloseStatus> closed() {
        return run.closed();
    }

    @Override
    public Optional<CloseStatus> lastClose() {
        return Optional.ofNullable(run.lastClose());
    }

    @Override
    public Optional<Throwable> lastFailure() {
        return Optional.ofNullable(run.lastFailure());
    }

    // ---- what the client knows

    @Override
    public String id() {
        return id;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        ClientLink link = latest;
        return link != null ? link.session().remoteAddress()
                : InetSocketAddress.createUnresolved(uri.getHost(), Math.max(uri.getPort(), 0));
    }

    /** A client has no path template: always {@code null}. */
    @Override
    public String pathParam(String name) {
        return null;
    }

    @Override
    public Map<String, String> pathParams() {
        return Map.of();
    }

    @Override
    public String queryParam(String name) {
        List<String> values = queryParams().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Map<String, List<String>> queryParams() {
        ClientLink link = latest;
        return link != null ? link.session().queryParams() : Map.of();
    }

    /** The first value of a header the client sends in its handshakes. */
    @Override
    public String header(String name) {
        List<String> values = headers().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The headers the client sends in its handshakes. */
    @Override
    public Map<String, List<String>> headers() {
        return run.requestHeaders();
    }

    @Override
    public Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    public String subprotocol() {
        ClientLink link = latest;
        return link != null ? link.session().subprotocol() : null;
    }

    @Override
    public URI requestUri() {
        return uri;
    }

    /** A client has no authenticated user of its own: always {@code null}. */
    @Override
    public Principal principal() {
        return null;
    }

    /** A view of this client's connection: a client has no peers of its own. */
    @Override
    public Sessions peers() {
        ClientLink link = latest;
        return link != null ? link.session().peers() : Engine.noSessions();
    }

    @Override
    public void join(String group) {
        open().join(group);
    }

    @Override
    public void leave(String group) {
        open().leave(group);
    }

    @Override
    public Set<String> groups() {
        ClientLink link = current;
        return link != null ? link.session().groups() : Set.of();
    }

    @Override
    public long droppedMessages() {
        ClientLink link = latest;
        return link != null ? link.session().droppedMessages() : 0;
    }

    @Override
    public long bufferedAmount() {
        ClientLink link = current;
        return link != null ? link.session().bufferedAmount() : 0;
    }

    @Override
    public String toString() {
        return "ClientSession[" + id + " " + uri + " " + run.state() + "]";
    }
}
