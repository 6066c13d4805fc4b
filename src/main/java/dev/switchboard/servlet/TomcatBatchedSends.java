package dev.switchboard.servlet;

import dev.switchboard.runtime.Transport;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * On Tomcat, sends a run of small messages that the writer has queued through Tomcat's output buffer, written at
 * once with the run's last message, rather than each on its own.
 *
 * <p>Tomcat completes every asynchronous send on another thread ({@code WsRemoteEndpointImplServer.clearHandler}
 * hands the handler to its executor as a new task), a hand-off and wake-up per message. A message sent with
 * batching allowed completes at once on the writer's thread (see {@link TomcatAsyncFlush}), so a run of n small
 * messages costs one hand-off, that of its flush, instead of n. Nothing waits: the messages are copied into the
 * buffer, and the flush is an asynchronous send. A message whose writer finds nothing queued behind it, when no run
 * is open, goes out on its own as before, so a connection that writes one message at a time sees no change.
 *
 * <p>Everything else the writer sends (a large message, a part of a message written in parts, a ping) flushes the
 * run first, so it keeps its place. A close is the host's own: Tomcat writes what it buffered before its close
 * frame, and a close may come from outside the writer.
 *
 * <p>The writer calls one method at a time, each after the previous one completed, so the state here needs no
 * locking.
 */
final class TomcatBatchedSends implements Transport {

    /**
     * The largest message, in chars or bytes, that goes through the buffer: a text of 2,048 chars is at most 6 KiB
     * in UTF-8, so it fits into Tomcat's 8 KiB buffer in one piece. A larger message is written on its own, with
     * no copy.
     */
    static final int LARGEST_BATCHED = 2048;

    private final Transport plain;
    private final RemoteEndpoint.Async remote;
    private final TomcatAsyncFlush flush;
    /** Whether another entry is queued behind the one the writer starts next. */
    private boolean more;
    /** Whether a run is open: batching is allowed and the buffer may hold messages not yet written. */
    private boolean open;

    private TomcatBatchedSends(Transport plain, RemoteEndpoint.Async remote, TomcatAsyncFlush flush) {
        this.plain = plain;
        this.remote = remote;
        this.flush = flush;
    }

    /** Batched sends over {@code plain} on Tomcat; {@code plain} itself elsewhere. */
    static Transport wrap(Session session, Transport plain) {
        TomcatAsyncFlush flush = TomcatAsyncFlush.of(session);
        return flush == null ? plain : new TomcatBatchedSends(plain, session.getAsyncRemote(), flush);
    }

    @Override
    public void nextQueued(boolean queued) {
        more = queued;
    }

    @Override
    public void sendText(String text, Consumer<Throwable> done) {
        if (text.length() <= LARGEST_BATCHED && (more || open)) {
            batched(handler -> remote.sendText(text, handler), done);
        } else {
            afterRun(() -> plain.sendText(text, done), done);
        }
    }

    @Override
    public void sendBinary(ByteBuffer data, Consumer<Throwable> done) {
        if (data.remaining() <= LARGEST_BATCHED && (more || open)) {
            batched(handler -> remote.sendBinary(data, handler), done);
        } else {
            afterRun(() -> plain.sendBinary(data, done), done);
        }
    }

    // sendShared: the default, through sendText and sendBinary above (containers write no encoded frames).

    @Override
    public void sendTextPart(String part, boolean last, Consumer<Throwable> done) {
        afterRun(() -> plain.sendTextPart(part, last, done), done);
    }

    @Override
    public void sendBinaryPart(ByteBuffer part, boolean last, Consumer<Throwable> done) {
        afterRun(() -> plain.sendBinaryPart(part, last, done), done);
    }

    @Override
    public boolean mayWait() {
        return plain.mayWait();
    }

    @Override
    public void sendPing(ByteBuffer payload, Consumer<Throwable> done) {
        afterRun(() -> plain.sendPing(payload, done), done);
    }

    /** Straight to the host: Tomcat flushes its buffer before the close frame, from whichever thread closes. */
    @Override
    public void close(int code, String reason, Consumer<Throwable> done) {
        plain.close(code, reason, done);
    }

    /** Sends a small message into the open run, opening one if needed, and flushes it if the message is its last. */
    private void batched(Consumer<SendHandler> send, Consumer<Throwable> done) {
        if (!open) {
            if (!flush.allow()) {
                send.accept(result -> done.accept(result.isOK() ? null : result.getException())); // on its own
                return;
            }
            open = true;
        }
        boolean last = !more;
        send.accept(result -> {
            if (!result.isOK()) {
                done.accept(result.getException()); // Tomcat closes the session: its close writes what is buffered
            } else if (last) {
                flushRun(done);
            } else {
                done.accept(null);
            }
        });
    }

    /** Runs a send after the open run, if any, was written. */
    private void afterRun(Runnable send, Consumer<Throwable> done) {
        if (!open) {
            send.run();
            return;
        }
        flushRun(failure -> {
            if (failure == null) {
                send.run();
            } else {
                done.accept(failure);
            }
        });
    }

    private void flushRun(Consumer<Throwable> done) {
        open = false;
        flush.flush(done);
    }
}
