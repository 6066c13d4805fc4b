package dev.switchboard.standalone;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.memory.Buffers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sits below Grizzly's HTTP codec, on the raw bytes, and holds each connection to the handshake limits: how long
 * a client may take to send a whole request head, and how large it may be.
 *
 * <p>A deadline starts when a connection is accepted and whenever an HTTP response on it has been written; the
 * arrival of the next request head ({@link #requestArrived}) disarms it, so a client that sends nothing, or
 * trickles its handshake a byte at a time, is closed when it passes (Tyrus and Grizzly have no such limit once
 * Grizzly's keep-alive timeout is off, which WebSocket connections need). An upgraded connection leaves the guard
 * ({@link #upgraded}): Switchboard's heartbeat and idle timeout govern it.
 *
 * <p>Deadlines are checked by the clock that runs the sessions' timers ({@link #expireOverdue}, on every tick):
 * arming one is a volatile write and an entry in a set, where a timer task per connection cost a task, a lock and
 * a queue insertion and removal on every handshake. A connection is closed within a tick after its deadline.
 *
 * <p>The first request head of a connection, which is where a WebSocket handshake comes, is measured here, so
 * that one too large gets 431: Grizzly's own limit, left as the backstop for later requests of a kept-alive
 * HTTP connection, answers 400.
 */
final class HandshakeGuard extends BaseFilter {

    private static final System.Logger LOG = System.getLogger(HandshakeGuard.class.getName());

    /** Created once: Grizzly attributes are indexed for the life of the class loader. */
    private static final Attribute<Head> HEAD =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(HandshakeGuard.class.getName() + ".head");

    private final Duration timeout;
    private final int maxHeaderBytes;
    /** The connections whose deadline runs. */
    private final Set<Head> armed = ConcurrentHashMap.newKeySet();

    /**
     * @param timeout        how long a connection may take to deliver a whole request head, counted from the
     *                       connection's accept or from the end of the previous HTTP response; zero for no limit
     * @param maxHeaderBytes the largest request head (request line and headers) accepted
     */
    HandshakeGuard(Duration timeout, int maxHeaderBytes) {
        this.timeout = timeout;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    @Override
    public NextAction handleAccept(FilterChainContext ctx) {
        Head head = new Head(ctx.getConnection());
        HEAD.set(ctx.getConnection(), head);
        arm(head);
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) {
        Head head = HEAD.get(ctx.getConnection());
        if (head == null) {
            return ctx.getInvokeAction();
        }
        if (head.refused()) {
            return ctx.getStopAction(); // answered 431 and closing: the rest is not read
        }
        Buffer input = ctx.getMessage();
        if (head.measure(input, maxHeaderBytes)) {
            return ctx.getInvokeAction();
        }
        armed.remove(head);
        refuseTooLarge(ctx);
        return ctx.getStopAction();
    }

    @Override
    public NextAction handleClose(FilterChainContext ctx) {
        disarm(HEAD.get(ctx.getConnection()));
        return ctx.getInvokeAction();
    }

    /** A request head has been parsed: the client delivered in time. */
    void requestArrived(Connection<?> connection) {
        disarm(HEAD.get(connection));
    }

    /** A plain HTTP response has been written: the next request head, if any, must come in time too. */
    void responseFinished(Connection<?> connection) {
        Head head = HEAD.get(connection);
        if (head != null && connection.isOpen()) {
            arm(head);
        }
    }

    /** The connection is a WebSocket connection now: the guard forgets it. */
    void upgraded(Connection<?> connection) {
        disarm(HEAD.remove(connection));
    }

    private void disarm(Head head) {
        if (head != null) {
            armed.remove(head);
        }
    }

    private void arm(Head head) {
        if (!timeout.isZero()) {
            head.deadlineNanos = System.nanoTime() + timeout.toNanos();
            armed.add(head);
        }
    }

    /** Closes the connections whose deadline has passed; the sessions' clock calls it on every tick. */
    void expireOverdue() {
        long now = System.nanoTime();
        for (Head head : armed) {
            if (now - head.deadlineNanos >= 0 && armed.remove(head)) {
                LOG.log(System.Logger.Level.DEBUG, () -> "Closing " + head.connection.getPeerAddress()
                        + ": no complete request within " + timeout);
                head.connection.closeSilently();
            }
        }
    }

    private void refuseTooLarge(FilterChainContext ctx) {
        byte[] body = ("Request headers are larger than " + maxHeaderBytes + " bytes\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 431 Request Header Fields Too Large\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] response = new byte[head.length + body.length];
        System.arraycopy(head, 0, response, 0, head.length);
        System.arraycopy(body, 0, response, head.length, body.length);
        // Written from here, below the HTTP codec, it goes to the socket as it is.
        ctx.write(Buffers.wrap(ctx.getMemoryManager(), response), new CloseAfterWrite(ctx.getConnection()));
    }

    /** One connection's deadline, and how much of its first request head has come. */
    private static final class Head {

        private static final byte[] END = {'\r', '\n', '\r', '\n'};

        private final Connection<?> connection;
        private volatile long deadlineNanos;
        private boolean measuring = true;
        private boolean refused;
        private long bytes;
        private int matched;

        Head(Connection<?> connection) {
            this.connection = connection;
        }

        synchronized boolean refused() {
            return refused;
        }

        /**
         * Counts the bytes of the first request head in {@code input}, without consuming them.
         *
         * @return false if the head is larger than allowed
         */
        synchronized boolean measure(Buffer input, int max) {
            if (!measuring) {
                return true;
            }
            for (int i = input.position(); i < input.limit(); i++) {
                byte b = input.get(i);
                bytes++;
                matched = b == END[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
                if (matched == END.length) {
                    measuring = false; // what follows is a body or frames
                    refused = bytes > max;
                    return !refused;
                }
            }
            // Unfinished: refuse as soon as it can no longer fit, as Grizzly's own check does.
            refused = bytes >= max;
            return !refused;
        }
    }
}
