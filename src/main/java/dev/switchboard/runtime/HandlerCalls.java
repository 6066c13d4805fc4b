package dev.switchboard.runtime;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.MessageDecodeException;
import dev.switchboard.binding.ConnectionHandlers;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one connection's handlers: one at a time and in the order their events came ({@link SerialCallbacks}), none
 * after {@code @OnDisconnected} began, which runs once. A handler that throws goes to {@code @OnError} and closes
 * the session; a message that does not decode goes to {@code @OnError} and leaves it open, or closes it with 1007
 * where there is none; a handler that holds an I/O thread long is reported.
 */
final class HandlerCalls {

    /** A call of one of the route's handlers. */
    interface Call {
        void on(ConnectionHandlers handlers) throws Throwable;
    }

    private static final System.Logger LOG = System.getLogger(HandlerCalls.class.getName());

    private final SerialCallbacks callbacks = new SerialCallbacks();
    private final AtomicBoolean disconnected = new AtomicBoolean();
    private final RouteSettings route;
    private final RouteSessions routeSessions;
    private final String sessionId;
    private final MessageDispatch.Closer closer;
    private volatile ConnectionHandlers handlers = new ConnectionHandlers() { };
    private volatile Runnable unbound = () -> { };

    /**
     * @param closer closes the session after a handler threw, or a message did not decode
     */
    HandlerCalls(RouteSettings route, RouteSessions routeSessions, String sessionId, MessageDispatch.Closer closer) {
        this.route = route;
        this.routeSessions = routeSessions;
        this.sessionId = sessionId;
        this.closer = closer;
    }

    /**
     * Binds the route's handlers; calls made before run on none.
     *
     * @param connectionHandlers the route's callbacks for this connection
     * @param unbound            runs once {@code @OnDisconnected} returned: the route instance is released
     */
    void bind(ConnectionHandlers connectionHandlers, Runnable unbound) {
        handlers = connectionHandlers;
        this.unbound = unbound;
    }

    /** Runs the call after every call before it. */
    void later(Call call) {
        callbacks.execute(() -> invoke(call, route.handlersOnIoThreads()));
    }

    /**
     * Runs the call on this thread if no other call is running or waiting, else leaves it.
     *
     * @return whether it ran; if not, the caller hands it to {@link #later} with what it must keep
     */
    boolean nowIfIdle(Call call) {
        return callbacks.runIfIdle(() -> invoke(call, route.handlersOnIoThreads()));
    }

    /**
     * Runs the call on a thread of {@code threads} after every call before it, and runs the calls after it once it
     * returned: a handler that reads a message as it arrives, while the thread that submitted it delivers that
     * message's parts. That thread never runs the call itself, so it can wait for the call to read them.
     *
     * @param returned runs once the call returned, or once it was not made (the session ended before its turn,
     *                 or the server is stopping)
     */
    void onThreadOf(Executor threads, Call call, Runnable returned) {
        callbacks.execute((SerialCallbacks.Deferred) finished -> {
            if (disconnected.get()) {
                returned.run();
                return true;
            }
            try {
                threads.execute(() -> {
                    try {
                        invoke(call, false);
                    } finally {
                        returned.run();
                        finished.run();
                    }
                });
                return false;
            } catch (RejectedExecutionException stopping) {
                returned.run();
                return true;
            }
        });
    }

    /** An error the host met on the connection, for {@code @OnError}, unless the session already ended. */
    void hostFailed(Throwable error) {
        callbacks.execute(() -> {
            if (!disconnected.get()) {
                report(error, false);
            }
        });
    }

    /**
     * Runs {@code @OnDisconnected} once, after every call before it; later calls run on nothing.
     *
     * @param status what ended the session
     * @param before runs first, e.g. taking the session out of its route
     * @param after  runs last, whether the handler threw or not
     */
    void disconnected(CloseStatus status, Runnable before, Runnable after) {
        callbacks.execute(() -> {
            if (disconnected.compareAndSet(false, true)) {
                before.run();
                try {
                    handlers.onDisconnected(status);
                } catch (Throwable e) {
                    LOG.log(System.Logger.Level.WARNING, "@OnDisconnected of route " + route.path() + " failed", e);
                } finally {
                    unbound.run();
                    after.run();
                }
            }
        });
    }

    /** @param timed whether it runs on a host's I/O thread, where holding it long is reported */
    private void invoke(Call call, boolean timed) {
        if (disconnected.get()) {
            return;
        }
        long started = timed ? System.nanoTime() : 0;
        try {
            call.on(handlers);
        } catch (MessageDecodeException undecodable) {
            undecodable(undecodable);
        } catch (Throwable failure) {
            failed(failure);
        }
        if (timed) {
            routeSessions.handlerHeldIoThread(route.path(), System.nanoTime() - started);
        }
    }

    private void failed(Throwable failure) {
        report(failure, true);
        closer.closeSoon(CloseStatus.INTERNAL_ERROR, "internal error", CloseCause.HANDLER_FAILED);
    }

    /**
     * A message that did not decode into its handler's type: {@code @OnError} answers it and the session goes on, or
     * with no {@code @OnError}, the session closes with 1007. The client sent it; the route logs it once, not per
     * message, so that a client cannot flood the log.
     */
    private void undecodable(MessageDecodeException undecodable) {
        boolean handled;
        try {
            handled = handlers.onError(undecodable);
        } catch (Throwable onErrorFailure) {
            onErrorFailure.addSuppressed(undecodable);
            LOG.log(System.Logger.Level.WARNING, "@OnError of route " + route.path() + " failed", onErrorFailure);
            closer.closeSoon(CloseStatus.INTERNAL_ERROR, "internal error", CloseCause.HANDLER_FAILED);
            return;
        }
        if (!handled) {
            routeSessions.undecodable(route.path(), undecodable);
            closer.closeSoon(CloseStatus.INVALID_PAYLOAD, "message could not be decoded", CloseCause.UNDECODABLE_MESSAGE);
        }
    }

    /** Hands an error to {@code @OnError}, or logs it: a handler's failure as a warning, a connection's quietly. */
    private void report(Throwable error, boolean handlerFailed) {
        try {
            if (handlers.onError(error)) {
                return;
            }
            if (handlerFailed) {
                LOG.log(System.Logger.Level.WARNING, "Handler of route " + route.path() + " failed on session "
                        + sessionId + "; add an @OnError handler to handle it", error);
            } else {
                // Clients vanish all the time: not worth a warning, and @OnDisconnected still reports it.
                LOG.log(System.Logger.Level.DEBUG, "Session " + sessionId + " of route " + route.path()
                        + " met a connection error", error);
            }
        } catch (Throwable onErrorFailure) {
            onErrorFailure.addSuppressed(error);
            LOG.log(System.Logger.Level.WARNING, "@OnError of route " + route.path() + " failed", onErrorFailure);
        }
    }
}
