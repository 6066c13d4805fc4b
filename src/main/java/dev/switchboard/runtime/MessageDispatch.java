package dev.switchboard.runtime;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;

/**
 * Turns what a connection receives into its route's handler calls: message parts assembled within the route's
 * size limit ({@link IncomingMessages}) or, for a handler that takes streams or parts, each part delivered as it
 * comes ({@link InboundStreams}); a kind of message the route does not take refused with 1003, and every message,
 * part of a stream and pong counted as a sign of life for the session's timers.
 */
final class MessageDispatch {

    /** Closes the session after the messages queued so far. */
    interface Closer {
        void closeSoon(int code, String reason, CloseCause cause);
    }

    private final RouteSettings route;
    private final SessionTimers timers;
    private final HandlerCalls calls;
    private final Closer closer;
    private final RouteEvents events;
    private final IncomingMessages incoming;
    private final InboundStreams streams;

    /**
     * @param events        where the messages the route takes are reported
     * @param streamThreads where stream handlers run
     */
    MessageDispatch(RouteSettings route, SessionTimers timers, HandlerCalls calls, Closer closer, RouteEvents events,
                    Executor streamThreads) {
        this.route = route;
        this.timers = timers;
        this.calls = calls;
        this.closer = closer;
        this.events = events;
        this.incoming = new IncomingMessages(route.maxMessageBytes());
        this.streams = new InboundStreams(route.streams(), calls, streamThreads, closer, events);
    }

    /** A part of a text message; the route sees whole messages within its size limit, or the parts as they come. */
    void textPart(String part, boolean last, boolean routeHandlesText) {
        if (routeHandlesText && streams.takes(true)) {
            timers.heard();
            streams.textPart(part, last);
            return;
        }
        Object whole = routeHandlesText ? incoming.text(part, last) : part;
        if (whole == IncomingMessages.TOO_BIG) {
            closeAsTooBig();
        } else if (whole != null) {
            text((String) whole, routeHandlesText);
        }
    }

    /** A part of a binary message; the route sees whole messages within its size limit, or the parts as they come. */
    void binaryPart(ByteBuffer part, boolean last, boolean routeHandlesBinary) {
        if (routeHandlesBinary && streams.takes(false)) {
            timers.heard();
            streams.binaryPart(part, last);
            return;
        }
        Object whole = routeHandlesBinary ? incoming.binary(part, last) : part;
        if (whole == IncomingMessages.TOO_BIG) {
            closeAsTooBig();
        } else if (whole != null) {
            binary((ByteBuffer) whole, routeHandlesBinary);
        }
    }

    /** The connection ended: a message still arriving as a stream fails, so that its handler returns. */
    void ended(CloseStatus status) {
        streams.ended(status);
    }

    void pong(ByteBuffer payload) {
        timers.pong();
        if (!calls.nowIfIdle(handlers -> handlers.onPong(payload))) {
            ByteBuffer copy = copyOf(payload);
            calls.later(handlers -> handlers.onPong(copy));
        }
    }

    private void text(String text, boolean routeHandlesText) {
        timers.heard();
        if (!routeHandlesText) {
            closer.closeSoon(CloseStatus.UNSUPPORTED_DATA, "text messages are not accepted", CloseCause.UNSUPPORTED_DATA);
            return;
        }
        events.received(true, incoming.lastTextBytes());
        calls.later(handlers -> handlers.onText(text));
    }

    private void binary(ByteBuffer data, boolean routeHandlesBinary) {
        timers.heard();
        if (!routeHandlesBinary) {
            closer.closeSoon(CloseStatus.UNSUPPORTED_DATA, "binary messages are not accepted",
                    CloseCause.UNSUPPORTED_DATA);
            return;
        }
        events.received(false, data.remaining());
        if (!calls.nowIfIdle(handlers -> handlers.onBinary(data))) {
            ByteBuffer copy = copyOf(data); // the host may reuse its buffer once this call returns
            calls.later(handlers -> handlers.onBinary(copy));
        }
    }

    private void closeAsTooBig() {
        closer.closeSoon(CloseStatus.TOO_BIG, "message too big: over " + route.maxMessageBytes() + " bytes",
                CloseCause.TOO_BIG);
    }

    /** A copy of a buffer's remaining bytes, for a call that runs after the host may have reused the buffer. */
    static ByteBuffer copyOf(ByteBuffer data) {
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data.duplicate()).flip();
        return copy;
    }
}
