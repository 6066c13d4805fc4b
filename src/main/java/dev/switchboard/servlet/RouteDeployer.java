package dev.switchboard.servlet;

import dev.switchboard.InstanceFactory;
import dev.switchboard.ServerSettings;
import dev.switchboard.WarSettings;
import dev.switchboard.runtime.Engine;
import dev.switchboard.runtime.Routes;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Switchboard on one web application: installed with its handshake filter while the container initializes the
 * application, it registers the routes on the container's {@link ServerContainer} when the application starts and
 * drains their sessions when it stops. The settings come from the application's {@link WarSettings} class, with
 * route instances from CDI where the container has it, unless an application framework (Spring) gives its own.
 * Any problem fails the deployment with a message that says what to do.
 *
 * <p>Public for the Spring Boot integration, whose embedded containers run no initializer found in a jar; the
 * package is not exported.
 */
public final class RouteDeployer implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(RouteDeployer.class.getName());
    private static final String SERVER_CONTAINER = ServerContainer.class.getName();
    /** The application's deployer, so that a second installer (a Spring Boot WAR has two) finds it. */
    private static final String INSTALLED = RouteDeployer.class.getName();

    private final HandshakeFilter handshakes;
    private final Set<Class<?>> annotatedRoutes = new LinkedHashSet<>();
    private Set<Class<?>> settingsClasses = Set.of();
    private FrameworkSettings framework;
    private Engine engine;
    private ServerSettings settings;
    private boolean drained;

    private RouteDeployer(HandshakeFilter handshakes) {
        this.handshakes = handshakes;
    }

    /**
     * The application's deployer, installed on the first call: its handshake filter and its listener are added to
     * the context. Call only while the container initializes the application, as filters and listeners can be
     * added only then.
     *
     * @param context the application's context
     * @return the one deployer of the application
     */
    public static RouteDeployer installOn(ServletContext context) {
        if (context.getAttribute(INSTALLED) instanceof RouteDeployer installed) {
            return installed;
        }
        HandshakeFilter handshakes = new HandshakeFilter();
        FilterRegistration.Dynamic filter = context.addFilter(HandshakeFilter.class.getName(), handshakes);
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        RouteDeployer deployer = new RouteDeployer(handshakes);
        context.addListener(deployer);
        context.setAttribute(INSTALLED, deployer);
        return deployer;
    }

    /**
     * Adds {@code @Route} classes found in the application, by the container or by a framework's scan: each must
     * have its generated adapter, so that a build without the annotation processor fails the deployment with a
     * message that says so, instead of serving nothing.
     *
     * @param routeClasses the classes annotated {@code @Route}
     */
    public void routesFound(Set<Class<?>> routeClasses) {
        annotatedRoutes.addAll(routeClasses);
    }

    /** The application's {@link WarSettings} classes, as the container found them. */
    void settingsClassesFound(Set<Class<?>> settingsClasses) {
        this.settingsClasses = Set.copyOf(settingsClasses);
    }

    /**
     * Takes the settings from an application framework instead of a {@link WarSettings} class, and route instances
     * from its factory unless the settings name one; both are read when the routes deploy.
     *
     * @param name      the framework, for messages
     * @param settings  the server settings
     * @param instances the factory of route instances for settings that name none
     */
    public void settingsFrom(String name, Supplier<ServerSettings> settings, Supplier<InstanceFactory> instances) {
        framework = new FrameworkSettings(name, settings, instances);
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
        settings = settings(context.getClassLoader());
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

    /**
     * Closes the routes' sessions, once: called before the container stops, by an application framework that
     * stops before its container does (Spring Boot), and by the container when the application stops.
     */
    public synchronized void drain() {
        if (engine != null && !drained) {
            drained = true;
            engine.drain(settings.shutdownTimeout(), "application stopping");
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (engine != null) {
            drain();
            engine.release();
        }
    }

    /** The framework's settings, else the WarSettings class's; route instances from the framework, else CDI. */
    private ServerSettings settings(ClassLoader loader) {
        if (framework == null) {
            return withInstances(settingsOf(settingsClasses),
                    () -> cdiApiPresent(loader) ? CdiInstances.current() : null);
        }
        if (!settingsClasses.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "The settings come from " + framework.name() + "; "
                    + settingsClasses.stream().map(Class::getName).sorted().toList() + " ignored");
        }
        return withInstances(framework.settings().get(), framework.instances());
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

    /** The settings, with the given factory making route instances unless they name one of their own. */
    private static ServerSettings withInstances(ServerSettings settings, Supplier<InstanceFactory> instances) {
        if (settings.instanceFactory().isPresent()) {
            return settings;
        }
        InstanceFactory factory = instances.get();
        return factory == null ? settings : ServerSettings.builder().settings(settings).instanceFactory(factory).build();
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

    /** Settings and route instances from an application framework. */
    private record FrameworkSettings(String name, Supplier<ServerSettings> settings,
                                     Supplier<InstanceFactory> instances) {
    }
}
