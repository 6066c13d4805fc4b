package dev.switchboard.servlet;

import jakarta.websocket.Session;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.channels.Channel;
import java.util.concurrent.Executor;

/**
 * On Undertow (WildFly), reads a connection's next frame only once the message before it has been handled.
 *
 * <p>Undertow reads frames on its I/O thread and hands messages to the session's ordered executor on a worker
 * thread, but it answers a client's close frame the moment it reads it. A client that sends a message and then
 * closes would get the close back before the route's reply to that message, which then cannot be sent any more.
 * Tomcat, Jetty, Tyrus and the others hand each message over before they read on. Here the channel's receive
 * listener is wrapped: after each frame it suspends receiving and lets the session's executor resume it, behind
 * whatever message that frame completed. That is what Undertow's own endpoint invocation did before it gained
 * the ordered executor.
 *
 * <p>Undertow is not on the library's class path, so its types are reached reflectively, through public
 * Undertow and XNIO types only.
 */
final class UndertowFramePacing {

    private static final System.Logger LOG = System.getLogger(UndertowFramePacing.class.getName());

    private UndertowFramePacing() {
    }

    /**
     * Installs the pacing on an Undertow session before it starts receiving; does nothing on other hosts, or where
     * the session's executor is out of reach ({@link HostCloseReports} says so).
     */
    static void install(Session session) {
        Executor messages = HostCloseReports.undertowMessageExecutor(session);
        if (messages == null) {
            return;
        }
        try {
            Object channel = session.getClass().getMethod("getWebSocketChannel").invoke(session);
            ClassLoader xnio = channel.getClass().getClassLoader();
            Class<?> listenerType = Class.forName("org.xnio.ChannelListener", false, xnio);
            Class<?> setterType = Class.forName("org.xnio.ChannelListener$SimpleSetter", false, xnio);
            Class<?> framedChannel = Class.forName("io.undertow.server.protocol.framed.AbstractFramedChannel", false, xnio);

            Object setter = framedChannel.getMethod("getReceiveSetter").invoke(channel);
            Object frameHandler = setterType.getMethod("get").invoke(setter);
            Method handleEvent = listenerType.getMethod("handleEvent", Channel.class);
            Method suspend = framedChannel.getMethod("suspendReceives");
            Method resume = framedChannel.getMethod("resumeReceives");

            InvocationHandler paced = (proxy, method, args) -> {
                if (!method.equals(handleEvent)) {
                    return method.invoke(frameHandler, args);
                }
                try {
                    handleEvent.invoke(frameHandler, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                suspend.invoke(channel);
                try {
                    messages.execute(() -> invoke(resume, channel));
                } catch (RuntimeException rejected) { // the worker pool is shutting down
                    invoke(resume, channel);
                }
                return null;
            };
            Object listener = Proxy.newProxyInstance(xnio, new Class<?>[] {listenerType}, paced);
            setterType.getMethod("set", listenerType).invoke(setter, listener);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Undertow's receive listener is out of reach: a reply to the last "
                    + "message before a client's close may be lost", e);
        }
    }

    private static void invoke(Method method, Object target) {
        try {
            method.invoke(target);
        } catch (InvocationTargetException e) {
            LOG.log(System.Logger.Level.DEBUG, "Undertow could not resume receiving", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
