package dev.switchboard.spring;

import dev.switchboard.InstanceFactory;
import dev.switchboard.ServerSettings;
import dev.switchboard.servlet.RouteDeployer;
import jakarta.servlet.ServletContext;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.SmartLifecycle;

import java.util.Set;
import java.util.function.Supplier;

/**
 * Installs the routes on the servlet context of Spring Boot's web server, the way Switchboard's own initializer
 * does in a WAR, with settings and route instances from Spring; and drains their sessions when the application
 * context stops, before the web server does.
 *
 * <p>It stops in the default phase, ahead of Spring Boot's web server (its graceful shutdown and its stop come in
 * later phases): the sessions close with 1001 and their queued messages go out while the connectors still serve.
 * Left to the servlet context's end, Tomcat would close them itself first, without their queued messages.
 */
final class BootRoutes implements ServletContextInitializer, SmartLifecycle {

    private final Supplier<Set<Class<?>>> routeClasses;
    private final Supplier<ServerSettings> settings;
    private final InstanceFactory instances;
    private volatile RouteDeployer deployer;
    private volatile boolean running;

    /**
     * @param routeClasses the application's {@code @Route} classes, each of which must have its adapter
     * @param settings     the routes' server settings
     * @param instances    the factory of route instances, for settings that name none
     */
    BootRoutes(Supplier<Set<Class<?>>> routeClasses, Supplier<ServerSettings> settings, InstanceFactory instances) {
        this.routeClasses = routeClasses;
        this.settings = settings;
        this.instances = instances;
    }

    @Override
    public void onStartup(ServletContext context) {
        deployer = RouteDeployer.installOn(context);
        deployer.routesFound(routeClasses.get());
        deployer.settingsFrom("the Spring application context", settings, () -> instances);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        RouteDeployer installed = deployer;
        if (installed != null) {
            installed.drain();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
