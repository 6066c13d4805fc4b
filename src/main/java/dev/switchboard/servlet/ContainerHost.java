package dev.switchboard.servlet;

import dev.switchboard.runtime.Host;
import dev.switchboard.runtime.Transport;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;

import java.time.Duration;
import java.util.List;

/**
 * A Jakarta container as the engine sees it: ping and close block until their frame is written (Tomcat, Jetty), compression is the container's setting,
 * Undertow's and Open Liberty's ways of reporting a close are read as what happened on the wire, and Tomcat sends
 * runs of queued messages through its output buffer.
 */
final class ContainerHost implements Host {

    /** The session property that bounds Tomcat's blocking sends, in milliseconds as a {@code Long}. */
    static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    @Override
    public boolean controlFramesBlock() {
        return true;
    }

    /** None of Switchboard's own: compression (permessage-deflate) is the container's setting. */
    @Override
    public List<Extension> extensions() {
        return List.of();
    }

    @Override
    public void connectionOpened(Session session, Duration sendTimeout) {
        UndertowFramePacing.install(session);
        if (!sendTimeout.isZero()) {
            // Tomcat's blocking sends (pings, closes, parts of a message) wait 20 s for a client that does not read,
            // whatever the route says, and a thread still waiting when the application is undeployed leaks.
            session.getUserProperties().put(TOMCAT_BLOCKING_SEND_TIMEOUT, sendTimeout.toMillis());
        }
    }

    /** On Tomcat, runs of queued messages go through its output buffer ({@link TomcatBatchedSends}). */
    @Override
    public Transport transport(Session session, Transport standard) {
        return TomcatBatchedSends.wrap(session, standard);
    }

    @Override
    public int closeCodeOnWire(Session session, int reported) {
        return HostCloseReports.codeOnWire(session, reported);
    }

    @Override
    public void afterEarlierMessages(Session session, Runnable report) {
        HostCloseReports.afterEarlierMessages(session, report);
    }
}
