package dev.switchboard.servlet;

import dev.switchboard.ServerSettings;
import dev.switchboard.runtime.Engine;
import dev.switchboard.runtime.Routes;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;

/**
 * Registers the application's routes on the container's {@link ServerContainer} when the application
 * starts, and drains their sessions when it stops. Any problem fails the deployment with a message that
 * says what to do.
 */
final class RouteDeployer implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(RouteDeployer.class.getName());
    private static final String SERVER_CONTAINER = ServerContainer.class.getName();
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private final Set<Class<?>> annotatedRoutes;
    private final HandshakeFilter handshakes;
    private Engine engine;

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
        engine = new Engine(routes, ServerSettings.defaults(), new ContainerHost());
        for (ServerEndpointConfig config : engine.endpointConfigs()) {
            try {
                serverContainer.addEndpoint(config);
            } catch (DeploymentException e) {
                throw new IllegalStateException("The container refused route " + config.getPath() + ": "
                        + e.getMessage(), e);
            }
        }
        TyrusFrameBuffer.fit(serverContainer, engine.largestMessage());
        handshakes.open(engine.gate());
        LOG.log(System.Logger.Level.INFO, "Switchboard serves " + engine.paths() + " in " + describe(context));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (engine != null) {
            engine.drain(DRAIN_TIMEOUT, "application stopping");
            engine.release();
        }
    }

    private static String describe(ServletContext context) {
        String path = context.getContextPath();
        return "the web application at " + (path.isEmpty() ? "/" : path);
    }
}
