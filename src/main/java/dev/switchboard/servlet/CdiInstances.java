package dev.switchboard.servlet;

import dev.switchboard.InstanceFactory;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.Unmanaged;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Route instances made by the container's CDI: a {@code @Route} class is a plain class, not a bean (bean
 * archives are discovered by bean-defining annotations, which routes do not carry), so each instance is made as a
 * non-contextual instance, {@link Unmanaged}: constructed, {@code @Inject} members injected and
 * {@code @PostConstruct} run; released, {@code @PreDestroy} runs and its dependent objects are destroyed.
 */
final class CdiInstances implements InstanceFactory {

    private static final System.Logger LOG = System.getLogger(CdiInstances.class.getName());

    private final BeanManager beans;
    private final Map<Class<?>, Unmanaged<?>> makers = new ConcurrentHashMap<>();
    private final Map<Object, Unmanaged.UnmanagedInstance<?>> live = Collections.synchronizedMap(new IdentityHashMap<>());

    private CdiInstances(BeanManager beans) {
        this.beans = beans;
    }

    /**
     * The container's CDI, if it runs CDI for the application. Call only where the application sees the CDI API:
     * this class cannot load without it.
     *
     * @return the factory, or {@code null} where no CDI container serves the application
     */
    static InstanceFactory current() {
        try {
            return new CdiInstances(CDI.current().getBeanManager());
        } catch (RuntimeException notRunning) {
            // The API is there but no CDI container serves this application (e.g. a CDI jar in a Tomcat WAR).
            LOG.log(System.Logger.Level.DEBUG, "No CDI container serves this application: routes are made with new",
                    notRunning);
            return null;
        }
    }

    @Override
    public Object create(Class<?> routeClass) {
        Unmanaged.UnmanagedInstance<?> instance = makers.computeIfAbsent(routeClass, type -> new Unmanaged<>(beans, type))
                .newInstance().produce().inject().postConstruct();
        Object route = instance.get();
        live.put(route, instance);
        return route;
    }

    @Override
    public void release(Object route) {
        Unmanaged.UnmanagedInstance<?> instance = live.remove(route);
        if (instance != null) {
            instance.preDestroy().dispose();
        }
    }

    @Override
    public String toString() {
        return "CDI";
    }
}
