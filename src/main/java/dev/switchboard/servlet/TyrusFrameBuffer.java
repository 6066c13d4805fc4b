package dev.switchboard.servlet;

import jakarta.websocket.server.ServerContainer;

import java.lang.reflect.Method;

/**
 * Fits the frame buffer of a container whose WebSocket engine is Tyrus (GlassFish, Payara) to the largest message
 * the routes accept. Tyrus buffers a whole frame before it hands any of it over, in a buffer of 4 MiB unless
 * told otherwise, and closes a connection whose frame does not fit with 1011; routes accept 16 MiB by default.
 * Tyrus reads its setting from a context parameter while its own initializer runs, which may be before
 * Switchboard's, so the engine is told directly, through its public API, found reflectively: a WAR does not
 * ship Tyrus.
 */
final class TyrusFrameBuffer {

    private static final System.Logger LOG = System.getLogger(TyrusFrameBuffer.class.getName());
    /** A frame's header besides its payload: at most 2 + 8 + 4 bytes. */
    private static final int FRAME_HEADER_BYTES = 14;

    private TyrusFrameBuffer() {
    }

    static void fit(ServerContainer container, long largestMessage) {
        Method getEngine = publicMethod(container.getClass(), "getWebSocketEngine");
        if (getEngine == null) {
            return; // not Tyrus
        }
        try {
            Object engine = getEngine.invoke(container);
            Method setBuffer = engine == null ? null : publicMethod(engine.getClass(), "setIncomingBufferSize", int.class);
            if (setBuffer != null) {
                setBuffer.invoke(engine, (int) Math.min(Integer.MAX_VALUE, largestMessage + FRAME_HEADER_BYTES));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not fit Tyrus's frame buffer to " + largestMessage
                    + " bytes: frames over 4 MiB will close with 1011", e);
        }
    }

    /** A public method as declared by a public class or interface the object's class extends, or {@code null}. */
    private static Method publicMethod(Class<?> type, String name, Class<?>... parameters) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
                try {
                    return c.getMethod(name, parameters);
                } catch (NoSuchMethodException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
