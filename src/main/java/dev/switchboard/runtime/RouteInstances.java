package dev.switchboard.runtime;

import dev.switchboard.InstanceFactory;
import dev.switchboard.binding.RouteBinding;

import java.util.function.Supplier;

/**
 * Where one route's instances come from and go: the server's {@link InstanceFactory}, else the route's no-argument
 * constructor. A shared route's instance is made with the engine, so that a factory that cannot make it fails the
 * start rather than the first connection, and released with the engine; others are made per connection and
 * released after its {@code @OnDisconnected}.
 */
final class RouteInstances {

    private static final System.Logger LOG = System.getLogger(RouteInstances.class.getName());

    private final Class<?> routeClass;
    private final InstanceFactory factory;
    private final Object shared;

    private RouteInstances(Class<?> routeClass, InstanceFactory factory, boolean shared) {
        this.routeClass = routeClass;
        this.factory = factory;
        this.shared = shared ? createShared() : null;
    }

    /**
     * The instances of a route.
     *
     * @param binding the route's adapter
     * @param factory the server's factory, or {@code null} for the route's constructor
     * @throws IllegalStateException if nothing can make the route's instances, or a shared one cannot be made
     */
    static RouteInstances of(RouteBinding binding, InstanceFactory factory) {
        InstanceFactory effective = factory != null ? factory : constructorOf(binding);
        return new RouteInstances(binding.routeClass(), effective, binding.options().shared());
    }

    private static InstanceFactory constructorOf(RouteBinding binding) {
        Supplier<Object> constructor = binding.constructor();
        if (constructor == null) {
            throw new IllegalStateException("Route " + binding.routeClass().getName() + " has no no-argument "
                    + "constructor, so its instances must come from an instance factory: set one with "
                    + "ServerSettings.builder().instanceFactory(...) (in a WAR on a container with CDI, CDI makes "
                    + "them), or give the route a no-argument constructor");
        }
        return routeClass -> constructor.get();
    }

    /** The instance a new connection is bound to. */
    Object forConnection() {
        return shared != null ? shared : create();
    }

    /** A connection bound to {@code instance} ended, its {@code @OnDisconnected} returned. */
    void connectionEnded(Object instance) {
        if (instance != shared) {
            release(instance);
        }
    }

    /** The engine is released: so is the shared instance. */
    void release() {
        if (shared != null) {
            release(shared);
        }
    }

    private Object createShared() {
        try {
            return create();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not make the shared instance of route " + routeClass.getName()
                    + ": " + e, e);
        }
    }

    private Object create() {
        Object instance = factory.create(routeClass);
        if (!routeClass.isInstance(instance)) {
            throw new IllegalStateException("The instance factory " + factory + " made " + instance
                    + " for route " + routeClass.getName() + ", which is no instance of it");
        }
        return instance;
    }

    private void release(Object instance) {
        try {
            factory.release(instance);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "The instance factory failed to release an instance of "
                    + routeClass.getName(), e);
        }
    }
}
