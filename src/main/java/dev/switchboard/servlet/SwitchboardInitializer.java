package dev.switchboard.servlet;

import dev.switchboard.Route;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.HandlesTypes;

import java.util.EnumSet;
import java.util.Set;

/**
 * Serves a web application's routes on its container's WebSocket implementation, with no web.xml: the
 * container finds this initializer in the Switchboard jar and hands it the {@link Route} classes it saw.
 *
 * <p>The routes are registered from a context listener rather than here, because some containers
 * (GlassFish, Payara) sometimes publish their {@code ServerContainer} only after initializers ran.
 */
@HandlesTypes(Route.class)
public final class SwitchboardInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> routeClasses, ServletContext context) {
        // Containers pass null, not an empty set, when no class carries @Route.
        Set<Class<?>> annotated = routeClasses == null ? Set.of() : Set.copyOf(routeClasses);
        // Filters can only be added here, before the application starts; the routes are deployed later.
        HandshakeFilter handshakes = new HandshakeFilter();
        FilterRegistration.Dynamic filter = context.addFilter(HandshakeFilter.class.getName(), handshakes);
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        context.addListener(new RouteDeployer(annotated, handshakes));
    }
}
