package dev.switchboard.servlet;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.runtime.Routes;
import dev.switchboard.runtime.HandshakeGate;
import dev.switchboard.runtime.ServerSettings;
import dev.switchboard.runtime.SessionRegistry;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Registers the application's routes on the container's {@link ServerContainer} when the application
 * starts, and drains their sessions when it stops. Any problem fails the deployment with a message that
 * says what to do.
 */
final class RouteDeployer implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(RouteDeployer.class.getName());
    private static final String SERVER_CONTAINER = ServerContainer.class.getName();
    private static final long DRAIN_MILLIS = 5_000;

    private final Set<Class<?>> annotatedRoutes;
    private final HandshakeFilter handshakes;
    private final SessionRegistry registry = new SessionRegistry(true, ServerSettings.DEFAULT.maxSessions());

    RouteDeployer(Set<Class<?>> annotatedRoutes, HandshakeFilter handshakes) {
        this.handshakes = handshakes;
        this.annotatedRoutes = annotatedRoutes;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        try {
            deploy(context);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Switchboard cannot deploy the routes of "
                    + describe(context) + ": " + e.getMessage());
            throw e;
        }
    }

    private void deploy(ServletContext context) {
        Object container = context.getAttribute(SERVER_CONTAINER);
        if (!(container instanceof ServerContainer serverContainer)) {
            throw new IllegalStateException("The container offers no Jakarta WebSocket ServerContainer (attribute "
                    + SERVER_CONTAINER + " is " + container + "): enable its WebSocket support.");
        }
        Routes routes = Routes.discoverWith(new ArrayList<>(annotatedRoutes), context.getClassLoader());
        HandshakeGate gate = routes.handshakeGate(ServerSettings.DEFAULT, registry);
        // No extensions of ours: compression (permessage-deflate) is the container's setting, and Tyrus is absent.
        for (ServerEndpointConfig config : routes.endpointConfigs(ServerSettings.DEFAULT, registry,
                UpgradeRequests::read, List.of())) {
            try {
                serverContainer.addEndpoint(config);
            } catch (DeploymentException e) {
                throw new IllegalStateException("The container refused route " + config.getPath() + ": "
                        + e.getMessage(), e);
            }
        }
        TyrusFrameBuffer.fit(serverContainer, routes.largestMessage(ServerSettings.DEFAULT));
        handshakes.open(gate);
        LOG.log(System.Logger.Level.INFO, "Switchboard serves " + routes.paths() + " in " + describe(context));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        registry.closeAll(CloseStatus.GOING_AWAY, "application stopping", CloseCause.SHUTDOWN);
        try {
            registry.awaitEmpty(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        registry.abandonAll(new CloseStatus(CloseStatus.GOING_AWAY, "application stopped", CloseCause.SHUTDOWN));
        registry.release();
    }

    private static String describe(ServletContext context) {
        String path = context.getContextPath();
        return "the web application at " + (path.isEmpty() ? "/" : path);
    }
}
