package dev.switchboard.servlet;

import dev.switchboard.runtime.Host;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;

import java.util.List;

/**
 * A Jakarta container as the engine sees it: ping and close block until their frame is written (Tomcat, Jetty), compression is the container's setting, and
 * Undertow's and Open Liberty's ways of reporting a close are read as what happened on the wire.
 */
final class ContainerHost implements Host {

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
    public void connectionOpened(Session session) {
        UndertowFramePacing.install(session);
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
