package dev.switchboard.servlet;

import dev.switchboard.CloseStatus;
import jakarta.websocket.Session;

import java.lang.reflect.Method;
import java.util.concurrent.Executor;

/**
 * Reads a host's {@code onClose} report as what happened on the wire, and in order with the messages before it.
 *
 * <p>Code: RFC 6455 reports a connection that ended without a close frame as 1006, and Tyrus, Tomcat, Jetty,
 * Undertow and GlassFish do. Open Liberty reports the read failure of a dropped connection as 1011 with the I/O
 * error's message as the reason: a lost connection all the same. (A client's own 1011 close frame reads the same
 * there; clients rarely send it, browsers cannot.)
 *
 * <p>Order: Undertow (WildFly) hands each message to the session's ordered executor on a worker thread, but
 * reports the close from its I/O thread as soon as the connection closes, possibly before messages that came
 * earlier were handed to the route. Passing the report through that same executor keeps it behind them.
 */
final class HostCloseReports {

    private static final System.Logger LOG = System.getLogger(HostCloseReports.class.getName());
    private static final String OPEN_LIBERTY_SESSIONS = "com.ibm.ws.wsoc.";
    private static final String UNDERTOW_SESSION = "io.undertow.websockets.jsr.UndertowSession";

    private HostCloseReports() {
    }

    static int codeOnWire(Session session, int reported) {
        if (reported == CloseStatus.INTERNAL_ERROR && session.getClass().getName().startsWith(OPEN_LIBERTY_SESSIONS)) {
            return CloseStatus.ABNORMAL;
        }
        return reported;
    }

    /** Runs the close report after every message the host handed over before it. */
    static void afterEarlierMessages(Session session, Runnable report) {
        Executor messages = undertowMessageExecutor(session);
        if (messages == null) {
            report.run();
            return;
        }
        try {
            messages.execute(report);
        } catch (RuntimeException rejected) { // the worker pool is shutting down
            report.run();
        }
    }

    /** Undertow's ordered executor of the session's messages; {@code null} on other hosts or out of reach. */
    static Executor undertowMessageExecutor(Session session) {
        if (!session.getClass().getName().equals(UNDERTOW_SESSION)) {
            return null;
        }
        try {
            Method getExecutor = session.getClass().getMethod("getExecutor");
            return (Executor) getExecutor.invoke(session);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Undertow's session executor is out of reach: close reports "
                    + "may overtake messages", e);
            return null;
        }
    }
}
