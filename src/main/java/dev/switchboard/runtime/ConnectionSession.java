package dev.switchboard.runtime;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.OverflowAction;
import dev.switchboard.SessionClosedException;
import dev.switchboard.SessionState;
import dev.switchboard.Sessions;
import dev.switchboard.WebSocketSession;
import dev.switchboard.binding.ConnectionHandlers;

import java.io.OutputStream;
import java.io.Writer;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * The {@link WebSocketSession} of one connection: its writes go through the single-writer {@link OutboundQueue},
 * what it receives through {@link MessageDispatch} to its {@link HandlerCalls}, and its end is reported once.
 */
final class ConnectionSession extends SessionWrites {

    private static final System.Logger LOG = System.getLogger(ConnectionSession.class.getName());
    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<ConnectionSession, Set> GROUPS =
            AtomicReferenceFieldUpdater.newUpdater(ConnectionSession.class, Set.class, "groups");
    private static final AtomicReferenceFieldUpdater<ConnectionSession, SessionState> STATE =
            AtomicReferenceFieldUpdater.newUpdater(ConnectionSession.class, SessionState.class, "state");
    private static final AtomicLongFieldUpdater<ConnectionSession> DROPPED =
            AtomicLongFieldUpdater.newUpdater(ConnectionSession.class, "dropped");

    private final RouteSettings route;
    private final OutboundQueue outbound;
    private final Transport transport;
    private final SessionRegistry registry;
    private final RouteSessions routeSessions;
    private final SessionSlot slot;
    /** Made at the first join: most sessions join no group. */
    private volatile Set<String> groups;
    private volatile SessionState state = SessionState.OPEN;
    /**
     * The close the server asked for, if it did: reported as it was asked, since hosts report either it or
     * the client's echo of it, and its cause says more than any close code.
     */
    private volatile CloseStatus requestedClose;
    private volatile long dropped;
    private final SessionTimers timers;
    private final HandlerCalls calls;
    private final MessageDispatch messages;
    private final Side side;
    /** A client's: completes once {@code @OnDisconnected} returned, with what it was told; a server's has none. */
    private final CompletableFuture<CloseStatus> ended;

    ConnectionSession(ConnectionInfo info, RouteSettings route, Transport transport, SessionRegistry registry,
                      RouteSessions routeSessions, SessionSlot slot, Side side) {
        super(info);
        this.side = side;
        this.ended = side == Side.CLIENT ? new CompletableFuture<>() : null;
        this.route = route;
        this.transport = transport;
        this.registry = registry;
        this.routeSessions = routeSessions;
        this.slot = slot;
        this.timers = new SessionTimers(route);
        this.outbound = new OutboundQueue(info.id(), transport, route.sendQueueLimits(), this::dropped,
                routeSessions.events());
        this.calls = new HandlerCalls(route, routeSessions, info.id(), this::closeSoon);
        this.messages = new MessageDispatch(route, timers, calls, this::closeSoon, routeSessions.events(),
                registry.streamThreads());
    }

    /** Where the host hands what the connection receives. */
    MessageDispatch messages() {
        return messages;
    }

    /** What the route's adapter decodes messages and sends return values with. */
    ConnectionMessages typedMessages() {
        return new ConnectionMessages(codec(), this, calls);
    }

    // ---- events from the host, in the order a connection meets them

    /** Binds the route's handlers, to unbind after {@code @OnDisconnected}, and runs {@code @OnConnected} first. */
    void opened(ConnectionHandlers connectionHandlers, Runnable unbound) {
        calls.bind(connectionHandlers, unbound);
        registry.add(this);
        routeSessions.add(this);
        calls.later(ConnectionHandlers::onConnected);
    }

    /** A client session's end: completes once {@code @OnDisconnected} returned, with the status it was given. */
    CompletableFuture<CloseStatus> ended() {
        return ended;
    }

    /** An error the host met on this connection; the host closes the connection itself if it must. */
    void hostFailed(Throwable error) {
        calls.hostFailed(error);
    }

    /** The host closed the connection: report it once, after every callback before it. */
    void hostClosed(int code, String reason) {
        CloseStatus requested = requestedClose;
        disconnect(requested != null ? requested : new CloseStatus(code, reason, side.causeOf(code)));
    }

    /**
     * Ends the session without waiting for the host any longer, e.g. when shutdown's deadline passed.
     *
     * @return how many queued messages will not be sent
     */
    int abandon(CloseStatus status) {
        return disconnect(status);
    }

    private int disconnect(CloseStatus status) {
        state = SessionState.CLOSED;
        int unsent = outbound.close(status.reason().isEmpty() ? "closed with " + status.code() : status.reason());
        messages.ended(status);
        // Out of its route and groups first, so that @OnDisconnected counts and broadcasts without it; out of the
        // registry last, so that a draining stop() waits for @OnDisconnected to return.
        calls.disconnected(status, () -> routeSessions.remove(this, status.cause()), () -> {
            registry.remove(this);
            slot.release();
            if (ended != null) {
                ended.complete(status);
            }
        });
        return unsent;
    }

    // ---- closing

    @Override
    public void close() {
        close(CloseStatus.NORMAL, null);
    }

    @Override
    public void close(int code, String reason) {
        CloseCodes.check(code, reason);
        closeSoon(code, reason, side.ownClose());
    }

    /** Closes after everything queued so far; the first close wins. */
    void closeSoon(int code, String reason, CloseCause cause) {
        if (STATE.compareAndSet(this, SessionState.OPEN, SessionState.CLOSING)) {
            requestedClose = new CloseStatus(code, reason, cause);
            timers.closing();
            outbound.offer(Outbound.close(code, reason == null ? "" : reason));
        }
    }

    /** Closes without waiting for the queue, which a slow or vanished client will never drain. */
    private void closeNow(int code, String reason, CloseCause cause) {
        if (STATE.compareAndSet(this, SessionState.OPEN, SessionState.CLOSING)) {
            requestedClose = new CloseStatus(code, reason, cause);
            timers.closing();
            outbound.close(reason);
            transport.close(code, reason, failure -> {
                if (failure != null) {
                    LOG.log(System.Logger.Level.DEBUG, "Closing session " + id() + " (" + reason + ") failed", failure);
                }
            });
        }
    }

    private void dropped(int messages, OutboundQueue.Overflow how) {
        DROPPED.addAndGet(this, messages);
        OverflowAction action = route.sendQueueLimits().onOverflow();
        routeSessions.dropped(action, messages);
        if (how.closes(action)) {
            closeAsSlowConsumer();
        }
    }

    private void closeAsSlowConsumer() {
        int code = route.sendQueueLimits().onOverflow() == OverflowAction.CLOSE_TRY_AGAIN_LATER
                ? CloseStatus.TRY_AGAIN_LATER : CloseStatus.POLICY_VIOLATION;
        closeNow(code, "slow consumer", CloseCause.SLOW_CONSUMER);
    }

    // ---- timers

    /**
     * Runs the session's timers; the server's clock calls it often enough for the shortest of them.
     *
     * @return what was due
     */
    SessionTimers.Due tick(long now) {
        SessionTimers.Due due = timers.due(now, state == SessionState.OPEN, outbound.stalledNanos(now));
        switch (due) {
            case PING -> outbound.offerControl(Outbound.ping(EMPTY));
            case HEARTBEAT_TIMEOUT -> {
                routeSessions.events().heartbeatTimedOut();
                closeNow(CloseStatus.GOING_AWAY, "heartbeat timeout", CloseCause.HEARTBEAT_TIMEOUT);
                if (side == Side.CLIENT) {
                    abandon(requestedClose); // a client moves on (reconnects) at once: the server has vanished
                }
            }
            case IDLE_TIMEOUT -> closeSoon(CloseStatus.GOING_AWAY, "idle timeout", CloseCause.IDLE_TIMEOUT);
            case SEND_TIMEOUT -> closeAsSlowConsumer();
            case GIVE_UP_CLOSE -> {
                // Report what the server asked for, as when the host confirms a close.
                CloseStatus requested = requestedClose;
                abandon(requested != null ? requested
                        : new CloseStatus(CloseStatus.ABNORMAL, "the client never confirmed the close", CloseCause.CONNECTION_LOST));
            }
            case NOTHING -> { }
        }
        return due;
    }

    // ---- writing

    @Override
    public Writer openTextWriter() {
        return new PartWriter((PartMessage) write(new PartMessage(true, outbound, timers::activity)));
    }

    @Override
    public OutputStream openDataStream() {
        return new PartStream((PartMessage) write(new PartMessage(false, outbound, timers::activity)));
    }

    /** Writes an entry and tells at once whether it was queued, for broadcasts to count. */
    Delivery deliver(Outbound entry) {
        return Delivery.of(write(entry));
    }

    @Override
    CompletableFuture<Void> write(Outbound entry) {
        timers.activity();
        if (state != SessionState.OPEN) {
            entry.completeExceptionally(new SessionClosedException(
                    "Session " + id() + " is " + state.name().toLowerCase() + "; the message was not sent."));
            return entry;
        }
        return outbound.offer(entry);
    }

    @Override
    RouteCodec codec() {
        return routeSessions.codec();
    }

    // ---- peers and groups

    @Override
    public Sessions peers() {
        return routeSessions.view();
    }

    @Override
    public void join(String group) {
        Objects.requireNonNull(group, "group");
        @SuppressWarnings("unchecked")
        Set<String> joined = OnFirstUse.get(GROUPS, this, ConcurrentHashMap::newKeySet);
        if (joined.add(group)) {
            routeSessions.join(this, group);
        }
    }

    @Override
    public void leave(String group) {
        Set<String> joined = groups;
        if (joined != null && joined.remove(group)) {
            routeSessions.leave(this, group);
        }
    }

    @Override
    public Set<String> groups() {
        Set<String> joined = groups;
        return joined == null ? Set.of() : Set.copyOf(joined);
    }

    // ---- what the session knows

    @Override
    public boolean isOpen() {
        return state == SessionState.OPEN;
    }

    @Override
    public SessionState state() {
        return state;
    }

    @Override
    public long droppedMessages() {
        return dropped;
    }

    @Override
    public long bufferedAmount() {
        return outbound.bufferedBytes();
    }

    /** Entries in the outbound queue, the one being written included. */
    int queuedMessages() {
        return outbound.queuedMessages();
    }

    @Override
    public String toString() {
        return "WebSocketSession[" + id() + " " + route.path() + " " + state + "]";
    }
}
