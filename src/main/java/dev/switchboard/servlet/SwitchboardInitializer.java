package dev.switchboard.servlet;

import dev.switchboard.Route;
import dev.switchboard.WarSettings;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.HandlesTypes;

import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Serves a web application's routes on its container's WebSocket implementation, with no web.xml: the
 * container finds this initializer in the Switchboard jar and hands it the {@link Route} classes it saw, and the
 * application's {@link WarSettings} class if it has one.
 *
 * <p>The routes are registered from a context listener rather than here, because some containers
 * (GlassFish, Payara) sometimes publish their {@code ServerContainer} only after initializers ran. A Spring Boot
 * application deployed as a WAR installs Switchboard through Spring as well; the two share one deployer, and
 * Spring's settings win.
 */
@HandlesTypes({Route.class, WarSettings.class})
public final class SwitchboardInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        // Containers pass null, not an empty set, when no class carries @Route or implements WarSettings.
        Set<Class<?>> found = classes == null ? Set.of() : Set.copyOf(classes);
        Set<Class<?>> annotated = found.stream().filter(type -> type.isAnnotationPresent(Route.class))
                .collect(Collectors.toSet());
        Set<Class<?>> settings = found.stream().filter(SwitchboardInitializer::isSettingsClass)
                .collect(Collectors.toSet());
        // Filters can only be added here, before the application starts; the routes are deployed later.
        RouteDeployer deployer = RouteDeployer.installOn(context);
        deployer.routesFound(annotated);
        deployer.settingsClassesFound(settings);
    }

    /** A class of the application's that implements {@link WarSettings}; containers may pass the interface too. */
    private static boolean isSettingsClass(Class<?> type) {
        return WarSettings.class.isAssignableFrom(type) && !type.isInterface()
                && !Modifier.isAbstract(type.getModifiers());
    }
}
