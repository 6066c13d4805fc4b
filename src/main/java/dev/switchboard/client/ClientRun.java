package dev.switchboard.client;

import dev.switchboard.ClientSession;
import dev.switchboard.ClientState;
import dev.switchboard.ClientStateChange;
import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.HandshakeRefusedException;
import dev.switchboard.SessionClosedException;
import dev.switchboard.binding.ClientBinding;
import dev.switchboard.runtime.ClientEndpoint;
import dev.switchboard.runtime.ClientLink;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One client's life: its connections one after the other, on the JDK's {@link WebSocket}, and between them the
 * decision whether, and when, to connect again. Its {@link ReconnectingSession} is what the application and the
 * handlers hold throughout.
 */
public final class ClientRun {

    private static final System.Logger LOG = System.getLogger(ClientRun.class.getName());

    private final ClientOptions options;
    private final ClientEndpoint endpoint;
    private final HttpClient http;
    private final Retries retries;
    private final ReconnectingSession session;
    private final CompletableFuture<ClientSession> firstOpen = new CompletableFuture<>();
    private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
    /** The headers of the next handshake: the connector's, with those a refresh replaced. */
    private final Map<String, String> headers;

    // Guarded by this.
    private ClientState state = ClientState.CONNECTING;
    private boolean closing;
    private volatile int failedAttempts;
    private JdkListener attempt;
    private ScheduledFuture<?> nextAttempt;
    private WebSocket socket;
    private volatile CloseStatus lastClose;
    private volatile Throwable lastFailure;

    private ClientRun(ClientOptions options) {
        this.options = options;
        ClientBinding binding = ClientAdapters.of(options.clientClass());
        Object instance = options.instance() != null ? options.instance() : newInstance(binding);
        this.endpoint = new ClientEndpoint(binding, instance, options.settings());
        this.http = options.httpClient() != null ? options.httpClient() : newHttpClient(options);
        this.retries = new Retries(options.reconnect(), options.refreshHeaders(), this::replaceHeaders);
        this.headers = new LinkedHashMap<>(options.headers());
        this.session = new ReconnectingSession(this, options.uri(), options.settings().sendQueueLimits(),
                options.reconnect().queuesWhileReconnecting());
    }

    private static Object newInstance(ClientBinding binding) {
        if (binding.constructor() == null) {
            String name = binding.routeClass().getSimpleName();
            throw new IllegalStateException(binding.routeClass().getName() + " has no no-argument constructor that "
                    + "Switchboard can call: give it one, or make the instance yourself and pass it: "
                    + "WebSocketConnector.of(new " + name + "(...))");
        }
        return binding.constructor().get();
    }

    /**
     * Starts a client: its first attempt runs in the background.
     *
     * @param options what the connector was told
     * @return completes once the first connection opened, or exceptionally when the client gave up first
     */
    public static CompletionStage<ClientSession> start(ClientOptions options) {
        ClientRun run = new ClientRun(options);
        run.announce(ClientState.CONNECTING, null);
        run.connect();
        return run.firstOpen.minimalCompletionStage();
    }

    private static HttpClient newHttpClient(ClientOptions options) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(options.handshakeTimeout());
        if (options.sslContext() != null) {
            builder.sslContext(options.sslContext());
        }
        return builder.build();
    }

    // ---- attempts

    private void connect() {
        JdkListener listener = new JdkListener(this::opened);
        Map<String, String> sent;
        synchronized (this) {
            if (closing) {
                return;
            }
            attempt = listener;
            sent = Map.copyOf(headers);
        }
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(options.handshakeTimeout());
        sent.forEach(builder::header);
        List<String> protocols = options.subprotocols();
        if (!protocols.isEmpty()) {
            builder.subprotocols(protocols.get(0), protocols.subList(1, protocols.size()).toArray(String[]::new));
        }
        CompletableFuture<WebSocket> opening;
        try {
            opening = builder.buildAsync(options.uri(), listener);
        } catch (IllegalArgumentException badHeader) {
            // A header the JDK client refuses to send (Host, Upgrade...): no attempt can succeed.
            giveUp(badHeader);
            return;
        }
        // A guard behind the JDK's own timeout, should an attempt ever hang past it.
        opening.orTimeout(options.handshakeTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)
                .whenComplete((opened, failure) -> {
                    if (failure != null) {
                        attemptFailed(listener, unwrap(failure));
                    }
                });
    }

    /** The handshake succeeded: the connection gets its session, then its {@code @OnConnected} runs. */
    private void opened(JdkListener listener, WebSocket opened) {
        ClientLink link;
        synchronized (this) {
            if (closing || attempt != listener) {
                opened.abort(); // closed meanwhile, or an attempt given up for its timeout that opened late
                return;
            }
            attempt = null;
            socket = opened;
            failedAttempts = 0;
            lastFailure = null;
            state = ClientState.OPEN;
            link = endpoint.connect(new JdkTransport(opened), session, options.uri(), remoteAddress(),
                    requestHeaders(), opened.getSubprotocol().isEmpty() ? null : opened.getSubprotocol());
            listener.link(link);
            session.connected(link);
        }
        link.ended().whenComplete((status, ignored) -> ended(listener, opened, status));
        announce(ClientState.OPEN, null);
        link.open();
        firstOpen.complete(session); // after @OnConnected, which runs now unless the connection is already busy
    }

    private void attemptFailed(JdkListener listener, Throwable failure) {
        boolean stopped;
        synchronized (this) {
            if (attempt != listener) {
                return;
            }
            attempt = null;
            lastFailure = failure;
            failedAttempts++;
            stopped = closing;
        }
        LOG.log(System.Logger.Level.DEBUG, "Connecting to " + options.uri() + " failed", failure);
        retryOrEnd(stopped ? null : retries.afterFailure(failure, failedAttempts));
    }

    /** A connection ended and its {@code @OnDisconnected} returned. */
    private void ended(JdkListener listener, WebSocket ended, CloseStatus status) {
        if (!listener.ended()) {
            // A close the server never answered, or a heartbeat timeout: TCP is closed now. Only then: aborting
            // races the JDK client's own close after a close frame, which can hang its selector thread.
            ended.abort();
        }
        boolean stopped;
        synchronized (this) {
            socket = null;
            session.disconnected();
            lastClose = status;
            stopped = closing;
        }
        retryOrEnd(stopped ? null : retries.afterClose(status));
    }

    private void retryOrEnd(Duration delay) {
        if (delay == null) {
            end();
            return;
        }
        synchronized (this) {
            if (closing) {
                return;
            }
            state = ClientState.RECONNECTING;
            nextAttempt = ClientScheduler.schedule(this::connect, delay);
        }
        announce(ClientState.RECONNECTING, delay);
    }

    /** Headers a refresh gave, for the next handshakes. */
    private synchronized void replaceHeaders(Map<String, String> fresh) {
        headers.putAll(fresh);
    }

    // ---- the end

    /** Closes the client for good: its open connection with this code, or its next attempt. */
    void close(int code, String reason) {
        ReconnectingSession open;
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            if (nextAttempt != null) {
                nextAttempt.cancel(false);
            }
            open = socket != null ? session : null;
            if (open == null && attempt != null) {
                attempt = null; // the attempt under way is aborted if it opens
            }
        }
        if (open != null) {
            session.closeConnection(code, reason); // the connection's end ends the client
        } else {
            end();
        }
    }

    private void giveUp(Throwable failure) {
        synchronized (this) {
            lastFailure = failure;
            closing = true;
        }
        end();
    }

    private void end() {
        synchronized (this) {
            if (state == ClientState.CLOSED) {
                return;
            }
            state = ClientState.CLOSED;
            closing = true;
        }
        session.ended(new SessionClosedException("The client to " + options.uri() + " is closed; the message "
                + "was not sent."));
        // Not on this thread, which may be one of those the release ends (the endpoint's clock, the HTTP client's).
        ClientScheduler.schedule(this::release, Duration.ZERO);
        announce(ClientState.CLOSED, null); // before the futures: who waits on them sees the state as it is
        Throwable failure = lastFailure;
        CloseStatus status = lastClose;
        if (failure != null) {
            firstOpen.completeExceptionally(failure);
            closed.completeExceptionally(failure);
        } else {
            firstOpen.completeExceptionally(new SessionClosedException("The client to " + options.uri()
                    + " was closed before it connected"));
            closed.complete(status != null ? status : new CloseStatus(CloseStatus.NORMAL, "", CloseCause.CLIENT_CLOSED));
        }
    }

    /** Ends the endpoint's threads, and those of the HTTP client if it is the client's own (JDK 21 and later). */
    private void release() {
        endpoint.release();
        if (options.httpClient() == null) {
            try {
                HttpClient.class.getMethod("shutdownNow").invoke(http);
            } catch (ReflectiveOperationException | RuntimeException beforeJdk21) {
                // the JDK's HTTP client ends its thread once it is unreachable
            }
        }
    }

    // ---- what the session reads

    synchronized ClientState state() {
        return state;
    }

    CompletionStage<CloseStatus> closed() {
        return closed.minimalCompletionStage();
    }

    CloseStatus lastClose() {
        return lastClose;
    }

    Throwable lastFailure() {
        return lastFailure;
    }

    /** The headers of the handshakes, as the session reports them. */
    synchronized Map<String, List<String>> requestHeaders() {
        Map<String, List<String>> byName = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> byName.put(name, List.of(value)));
        return byName;
    }

    private InetSocketAddress remoteAddress() {
        URI uri = options.uri();
        int port = uri.getPort() >= 0 ? uri.getPort() : "wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return InetSocketAddress.createUnresolved(uri.getHost(), port);
    }

    private void announce(ClientState now, Duration nextAttemptIn) {
        try {
            options.stateListener().accept(new ClientStateChange(session, now, lastClose, lastFailure, nextAttemptIn));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "A client state listener failed", e);
        }
    }

    private Throwable unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof WebSocketHandshakeException handshake && handshake.getResponse() != null) {
            return new HandshakeRefusedException(options.uri().toString(), handshake.getResponse().statusCode(),
                    handshake.getResponse().headers().map());
        }
        if (cause instanceof TimeoutException) {
            return new TimeoutException("The handshake with " + options.uri() + " took longer than "
                    + options.handshakeTimeout().multipliedBy(2));
        }
        return cause;
    }
}
