package dev.switchboard.servlet;

import dev.switchboard.InstanceFactory;
import dev.switchboard.ServerSettings;
import dev.switchboard.WarSettings;
import dev.switchboard.runtime.Engine;
import dev.switchboard.runtime.Routes;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.ArrayList;
import java.util.Set;

/**
 * Registers the application's routes on the container's {@link ServerContainer} when the application
 * starts, with the settings of its {@link WarSettings} class and route instances from CDI where the container
 * has it, and drains their sessions when it stops. Any problem fails the deployment with a message that says
 * what to do.
 */
final class RouteDeployer implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(RouteDeployer.class.getName());
    private static final String SERVER_CONTAINER = ServerContainer.class.getName();

    private final Set<Class<?>> annotatedRoutes;
    private final Set<Class<?>> settingsClasses;
    private final HandshakeFilter handshakes;
    private Engine engine;
    private ServerSettings settings;

    RouteDeployer(Set<Class<?>> annotatedRoutes, Set<Class<?>> settingsClasses, HandshakeFilter handshakes) {
        this.handshakes = handshakes;
        this.annotatedRoutes = annotatedRoutes;
        this.settingsClasses = settingsClasses;
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
        settings = withInstances(settingsOf(settingsClasses), context.getClassLoader());
        engine = new Engine(routes, settings, new ContainerHost());
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
            engine.drain(settings.shutdownTimeout(), "application stopping");
            engine.release();
        }
    }

    /** The settings of the application's {@link WarSettings} class, or the defaults if it has none. */
    static ServerSettings settingsOf(Set<Class<?>> settingsClasses) {
        if (settingsClasses.size() > 1) {
            throw new IllegalStateException("More than one class implements WarSettings: " + settingsClasses.stream()
                    .map(Class::getName).sorted().toList() + ". Keep one; it gives the settings of every route.");
        }
        if (settingsClasses.isEmpty()) {
            return ServerSettings.defaults();
        }
        Class<?> type = settingsClasses.iterator().next();
        ServerSettings settings;
        try {
            settings = ((WarSettings) type.getConstructor().newInstance()).settings();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make " + type.getName() + " to read the settings: it needs to be a "
                    + "public class with a public no-argument constructor (" + e + ")", e);
        }
        if (settings == null) {
            throw new IllegalStateException(type.getName() + ".settings() returned null; return ServerSettings.builder()"
                    + "...build(), or ServerSettings.defaults()");
        }
        return settings;
    }

    /** The settings, with CDI making route instances unless they name a factory of their own. */
    private static ServerSettings withInstances(ServerSettings settings, ClassLoader loader) {
        if (settings.instanceFactory().isPresent()) {
            return settings;
        }
        InstanceFactory cdi = cdiApiPresent(loader) ? CdiInstances.current() : null;
        return cdi == null ? settings : ServerSettings.builder().settings(settings).instanceFactory(cdi).build();
    }

    /** Whether the application sees the CDI API (Tomcat and Jetty have none), asked before CdiInstances loads. */
    private static boolean cdiApiPresent(ClassLoader loader) {
        try {
            Class.forName("jakarta.enterprise.inject.spi.CDI", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    private static String describe(ServletContext context) {
        String path = context.getContextPath();
        return "the web application at " + (path.isEmpty() ? "/" : path);
    }
}
