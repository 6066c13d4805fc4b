package dev.switchboard.runtime;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.binding.MessageForm;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;

/**
 * Delivers one connection's messages that its route's handler does not take whole, within the route's stream
 * limit. A stream handler ({@code Reader}, {@code InputStream}) is started with its message's first part, on a
 * thread of the server's {@link StreamThreads} and in its turn among the connection's handler calls, and reads the
 * parts through an {@link InboundPipe} that holds up the host thread while it is full. A part handler gets each
 * part as the host delivers it. The host delivers one part at a time; the connection may end on any thread.
 */
final class InboundStreams {

    private final StreamSettings settings;
    private final HandlerCalls calls;
    private final Executor threads;
    private final MessageDispatch.Closer closer;
    private final RouteEvents events;
    /** The size of the message being received so far: text in UTF-8 bytes. */
    private long bytes;
    /** Set by a part that made its message too big: the rest of that message is dropped. */
    private boolean discarding;
    private volatile InboundPipe<String> text;
    private volatile InboundPipe<ByteBuffer> binary;
    /** Why the connection ended, once it did: what comes after is dropped. */
    private volatile String ended;

    InboundStreams(StreamSettings settings, HandlerCalls calls, Executor threads, MessageDispatch.Closer closer,
                   RouteEvents events) {
        this.settings = settings;
        this.calls = calls;
        this.threads = threads;
        this.closer = closer;
        this.events = events;
    }

    /** Whether the route's handler of text or binary messages takes them as streams or parts. */
    boolean takes(boolean ofText) {
        return settings.form(ofText) != MessageForm.WHOLE;
    }

    void textPart(String part, boolean last) {
        if (!admit(Utf8.length(part), last)) {
            return;
        }
        if (settings.text() == MessageForm.PARTS) {
            calls.later(handlers -> handlers.onTextPart(part, last));
        } else {
            if (text == null) {
                InboundPipe<String> stream = new InboundPipe<>(String::length);
                text = stream;
                calls.onThreadOf(threads, handlers -> handlers.onTextStream(new PartsReader(stream)), stream::abandon);
                failIfEnded(stream);
            }
            text.put(part, last);
        }
        finish(true, last);
    }

    void binaryPart(ByteBuffer part, boolean last) {
        if (!admit(part.remaining(), last)) {
            return;
        }
        if (settings.binary() == MessageForm.PARTS) {
            if (!calls.nowIfIdle(handlers -> handlers.onBinaryPart(part, last))) {
                ByteBuffer copy = MessageDispatch.copyOf(part); // the host may reuse its buffer once this call returns
                calls.later(handlers -> handlers.onBinaryPart(copy, last));
            }
        } else {
            if (binary == null) {
                InboundPipe<ByteBuffer> stream = new InboundPipe<>(ByteBuffer::remaining);
                binary = stream;
                calls.onThreadOf(threads, handlers -> handlers.onBinaryStream(new PartsInputStream(stream)),
                        stream::abandon);
                failIfEnded(stream);
            }
            binary.put(MessageDispatch.copyOf(part), last);
        }
        finish(false, last);
    }

    /**
     * The connection ended: a stream still waiting for parts ends with an {@code IOException} saying why, once its
     * handler read what came before.
     */
    void ended(CloseStatus status) {
        String why = "the connection ended before the message did (" + status.code() + " "
                + status.cause() + (status.reason().isEmpty() ? "" : ": " + status.reason()) + ")";
        ended = why;
        fail(why);
    }

    /** Counts a part against the limit; {@code false} if it is dropped, its message being over it or its connection gone. */
    private boolean admit(long size, boolean last) {
        if (discarding || ended != null) {
            discarding = discarding && !last;
            return false;
        }
        bytes += size;
        if (bytes <= settings.maxStreamBytes()) {
            return true;
        }
        String reason = "message too big: over " + settings.maxStreamBytes() + " bytes";
        fail(reason);
        text = null;
        binary = null;
        bytes = 0;
        discarding = !last;
        closer.closeSoon(CloseStatus.TOO_BIG, reason, CloseCause.TOO_BIG);
        return false;
    }

    private void finish(boolean ofText, boolean last) {
        if (last) {
            events.received(ofText, bytes);
            bytes = 0;
            text = null;
            binary = null;
        }
    }

    private void fail(String why) {
        InboundPipe<String> textStream = text;
        InboundPipe<ByteBuffer> binaryStream = binary;
        if (textStream != null) {
            textStream.fail(why);
        }
        if (binaryStream != null) {
            binaryStream.fail(why);
        }
    }

    /** Closes the race with {@link #ended}, which may have looked for streams before this one was there. */
    private void failIfEnded(InboundPipe<?> stream) {
        String why = ended;
        if (why != null) {
            stream.fail(why);
        }
    }
}
