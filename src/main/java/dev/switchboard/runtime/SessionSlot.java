package dev.switchboard.runtime;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One session's place under its route's and its server's session limits, from the handshake that takes it until
 * the session ends. The {@link HandshakeGate} takes it before the host upgrades, the route's configurator hands it
 * to the connection being upgraded, and the session opened on that connection holds it until it ends. A place
 * that never becomes a session is given back: at once when the handshake ends before the configurator (refused,
 * no route), or, once handed to a connection that never opens (its client left, the host failed the upgrade
 * after the configurator), when it has waited {@link #OPENING_NANOS} and the limits are short of room.
 */
final class SessionSlot {

    /**
     * How long a connection handed a slot may take to open before the slot may be taken back. Hosts open it within
     * moments of the configurator, on the thread that ran it, once the 101 is written; one whose client is gone by
     * then may never open (Tomcat opens none for a client that reset the connection right after its request). A
     * connection that opens later still gets a new slot if one is free, else it is closed with 1013.
     */
    static final long OPENING_NANOS = TimeUnit.SECONDS.toNanos(2);

    private enum State { RESERVED, HANDED_OVER, OPEN, RELEASED }

    private final SessionLimit route;
    private final SessionLimit server;
    /** The server's slots handed to connections that have not opened yet. */
    private final Set<SessionSlot> handedOver;
    private final AtomicReference<State> state = new AtomicReference<>(State.RESERVED);
    private volatile long handedOverNanos;

    private SessionSlot(SessionLimit route, SessionLimit server, Set<SessionSlot> handedOver) {
        this.route = route;
        this.server = server;
        this.handedOver = handedOver;
    }

    /** A place under both limits, or {@code null} if either is full. */
    static SessionSlot take(SessionLimit route, SessionLimit server, Set<SessionSlot> handedOver) {
        if (!route.take()) {
            return null;
        }
        if (!server.take()) {
            route.give();
            return null;
        }
        return new SessionSlot(route, server, handedOver);
    }

    /** Hands the slot to the connection being upgraded, whose host opens it later; {@code false} if released. */
    boolean handOver() {
        handedOverNanos = System.nanoTime();
        handedOver.add(this); // before the change of state, so that the session opening removes it after
        if (state.compareAndSet(State.RESERVED, State.HANDED_OVER)) {
            return true;
        }
        handedOver.remove(this);
        return false;
    }

    /** The session opened in this slot; {@code false} if it was released meanwhile. */
    boolean open() {
        if (state.compareAndSet(State.RESERVED, State.OPEN) || state.compareAndSet(State.HANDED_OVER, State.OPEN)) {
            handedOver.remove(this);
            return true;
        }
        return false;
    }

    /** Gives the place back, once: the session ended, or the handshake came to nothing. */
    void release() {
        if (state.getAndSet(State.RELEASED) != State.RELEASED) {
            giveBack();
        }
    }

    /** Gives the place back unless a connection was handed it: the handshake is over, and nothing will open it. */
    void releaseUnlessHandedOver() {
        if (state.compareAndSet(State.RESERVED, State.RELEASED)) {
            giveBack();
        }
    }

    /** Whether a connection was handed the slot less than {@link #OPENING_NANOS} ago and may still open in it. */
    boolean opening(long now) {
        return state.get() == State.HANDED_OVER && now - handedOverNanos <= OPENING_NANOS;
    }

    /** Gives the place back if it was handed to a connection that has not opened for {@link #OPENING_NANOS}. */
    void releaseIfNeverOpened(long now) {
        // The state first: the time it was handed over is written before the state says so.
        if (state.get() == State.HANDED_OVER && now - handedOverNanos > OPENING_NANOS
                && state.compareAndSet(State.HANDED_OVER, State.RELEASED)) {
            giveBack();
        }
    }

    private void giveBack() {
        handedOver.remove(this);
        route.give();
        server.give();
    }
}
