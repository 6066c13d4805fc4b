package dev.switchboard.servlet;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Tomcat's batching of one connection, with a flush that does not block.
 *
 * <p>With batching allowed, Tomcat's asynchronous send copies a message into the connection's output buffer
 * (8 KiB) and reports it sent at once, on the calling thread ({@code WsRemoteEndpointImplBase.writeMessagePart},
 * its {@code OutputBufferSendHandler}); only a send that fills the buffer writes. Its public ways to write the
 * buffer, {@code flushBatch()} and {@code setBatchingAllowed(false)}, block until the socket took it. The same
 * flush started as a message of its own, {@code startMessage(INTERNAL_OPCODE_FLUSH, null, true, handler)}, is
 * written like any asynchronous send: queued behind the part Tomcat is writing, if any, and completed through the
 * handler. That package-private method and the {@code batchingAllowed} flag are reached reflectively (Tomcat 10.1,
 * 11 and 12 have both as used here); where they are not, {@link #of} finds nothing and sends stay as they are.
 *
 * <p>Batching is Tomcat's setting for every frame of the connection, its own close frame too. Tomcat closes by
 * leaving its {@code OPEN} state, turning batching off (which writes what is buffered), then writing its close
 * frame once it holds the connection's {@code messagePartInProgress} permit; a close frame written with batching
 * allowed would stay in the buffer. So batching is turned on only while holding that permit, and off again at
 * once if Tomcat left {@code OPEN} meanwhile: either Tomcat's close turns it off after, or its close frame is
 * written after the permit is back, with batching off.
 */
final class TomcatAsyncFlush {

    private static final System.Logger LOG = System.getLogger(TomcatAsyncFlush.class.getName());
    private static final String ASYNC_REMOTE = "org.apache.tomcat.websocket.WsRemoteEndpointAsync";

    /** Tomcat's members, found once per Tomcat class; {@link #NONE} where they are out of reach. */
    private record Members(Class<?> asyncType, Field base, Method startMessage, Field batchingAllowed, byte flush,
                           Field permit, Class<?> sessionType, Field state, Object open) {
    }

    private static final Members NONE = new Members(null, null, null, null, (byte) 0, null, null, null, null);
    private static volatile Members members;

    private final Object endpoint;
    private final AtomicBoolean batchingAllowed;
    /** Held by whoever writes a frame of this connection; Tomcat's own close frame waits for it. */
    private final Semaphore permit;
    private final AtomicReference<?> sessionState;
    private final Members found;

    private TomcatAsyncFlush(Object endpoint, Session session, Members found) throws IllegalAccessException {
        this.endpoint = endpoint;
        this.batchingAllowed = (AtomicBoolean) found.batchingAllowed().get(endpoint);
        this.permit = (Semaphore) found.permit().get(endpoint);
        this.sessionState = (AtomicReference<?>) found.state().get(session);
        this.found = found;
    }

    /** The flush of a Tomcat session, or {@code null} on other hosts or where Tomcat's members are out of reach. */
    static TomcatAsyncFlush of(Session session) {
        RemoteEndpoint.Async remote = session.getAsyncRemote();
        if (remote == null || !remote.getClass().getName().equals(ASYNC_REMOTE)) {
            return null;
        }
        Members found = members(remote.getClass());
        if (found == NONE || !found.sessionType().isInstance(session)) {
            return null;
        }
        try {
            return new TomcatAsyncFlush(found.base().get(remote), session, found);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Tomcat's output buffer of session " + session.getId()
                    + " is out of reach: its messages are sent one by one", e);
            return null;
        }
    }

    /**
     * Lets Tomcat buffer the messages sent from now on, unless Tomcat is writing a frame of its own (a pong, a close)
     * or closing; does not block.
     *
     * @return whether batching is allowed now
     */
    boolean allow() {
        if (!permit.tryAcquire()) {
            return false;
        }
        try {
            batchingAllowed.set(true);
            if (sessionState.get() != found.open()) {
                batchingAllowed.set(false);
                return false;
            }
            return true;
        } finally {
            permit.release();
        }
    }

    /**
     * Writes what Tomcat buffered, and sends without buffering again; {@code done} receives {@code null} once the
     * socket took it all, or the failure, on Tomcat's thread. Batching is turned off only once the flush is Tomcat's
     * message in progress or queued behind it, so that nothing Tomcat sends meanwhile, a close frame in particular,
     * goes out ahead of the buffered messages; and {@code done} runs only after that, so that no later send sees
     * batching still allowed.
     */
    void flush(Consumer<Throwable> done) {
        Join join = new Join(done);
        try {
            found.startMessage().invoke(endpoint, found.flush(), null, true, join);
        } catch (InvocationTargetException e) {
            // Tomcat threw before writing (the session closed): it did not and will not call the handler.
            batchingAllowed.set(false);
            join.arrive(e.getCause());
            join.arrive(e.getCause());
            return;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e); // made accessible when found
        }
        batchingAllowed.set(false);
        join.arrive(null);
    }

    private static Members members(Class<?> asyncType) {
        Members known = members;
        if (known != null && (known == NONE || known.asyncType() == asyncType)) {
            return known;
        }
        Members found;
        try {
            ClassLoader tomcat = asyncType.getClassLoader();
            Class<?> remoteBase = Class.forName("org.apache.tomcat.websocket.WsRemoteEndpointBase", false, tomcat);
            Class<?> endpointBase = Class.forName("org.apache.tomcat.websocket.WsRemoteEndpointImplBase", false, tomcat);
            Class<?> constants = Class.forName("org.apache.tomcat.websocket.Constants", false, tomcat);
            Field base = remoteBase.getDeclaredField("base");
            Method startMessage = endpointBase.getDeclaredMethod("startMessage",
                    byte.class, ByteBuffer.class, boolean.class, SendHandler.class);
            Field batchingAllowed = endpointBase.getDeclaredField("batchingAllowed");
            Field flushOpCode = constants.getDeclaredField("INTERNAL_OPCODE_FLUSH");
            Field permit = endpointBase.getDeclaredField("messagePartInProgress");
            Class<?> sessionType = Class.forName("org.apache.tomcat.websocket.WsSession", false, tomcat);
            Field state = sessionType.getDeclaredField("state");
            Object open = null;
            for (Object constant : Class.forName("org.apache.tomcat.websocket.WsSession$State", false, tomcat)
                    .getEnumConstants()) {
                if (((Enum<?>) constant).name().equals("OPEN")) {
                    open = constant;
                }
            }
            if (open == null || permit.getType() != Semaphore.class || state.getType() != AtomicReference.class) {
                throw new NoSuchFieldException("WsSession's OPEN state, its state or messagePartInProgress changed");
            }
            permit.setAccessible(true);
            state.setAccessible(true);
            base.setAccessible(true);
            startMessage.setAccessible(true);
            batchingAllowed.setAccessible(true);
            flushOpCode.setAccessible(true);
            if (batchingAllowed.getType() != AtomicBoolean.class || flushOpCode.getType() != byte.class) {
                throw new NoSuchFieldException("batchingAllowed or INTERNAL_OPCODE_FLUSH changed type");
            }
            found = new Members(asyncType, base, startMessage, batchingAllowed, flushOpCode.getByte(null), permit,
                    sessionType, state, open);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.INFO, "Tomcat's asynchronous flush is out of reach: each message is sent "
                    + "on its own, and Tomcat completes each send on another thread", e);
            found = NONE;
        }
        members = found;
        return found;
    }

    /**
     * Calls {@code done} once both Tomcat completed the flush and batching was turned off, with the first failure.
     */
    private static final class Join implements SendHandler {

        private final Consumer<Throwable> done;
        private final AtomicInteger pending = new AtomicInteger(2);
        private volatile Throwable failure;

        Join(Consumer<Throwable> done) {
            this.done = done;
        }

        @Override
        public void onResult(SendResult result) {
            arrive(result.isOK() ? null : result.getException());
        }

        void arrive(Throwable failed) {
            if (failed != null && failure == null) {
                failure = failed;
            }
            if (pending.decrementAndGet() == 0) {
                done.accept(failure);
            }
        }
    }
}
