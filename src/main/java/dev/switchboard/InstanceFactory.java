package dev.switchboard;

/**
 * Makes the instances of {@code @Route} classes, so that they come from the application's own container (Spring,
 * Guice, avaje-inject, CDI...) with their dependencies injected, instead of Switchboard's {@code new}. Set on
 * {@link SettingsBuilder#instanceFactory(InstanceFactory)}; one line with most containers:
 *
 * <pre>{@code
 * ServerSettings.builder().instanceFactory(injector::getInstance)         // Guice
 * ServerSettings.builder().instanceFactory(beanScope::get)                // avaje-inject
 * ServerSettings.builder().instanceFactory(context.getAutowireCapableBeanFactory()::createBean)   // Spring
 * }</pre>
 *
 * <p>A route gets one instance per connection, made when the connection opens and {@linkplain #release released}
 * after its {@code @OnDisconnected} returned, or with {@link Route#shared()} one instance made when the server
 * starts and released when it stops. A factory may return the same object for every call (a singleton bean); a
 * per-connection route's fields are then shared by its connections, so make such a route {@code shared}.
 *
 * <p>Without a factory, standalone and on servlet containers without CDI, instances are made with the route's
 * no-argument constructor. In a WAR on a container with CDI (WildFly, GlassFish, Payara, Open Liberty), they are
 * made by CDI unless the application sets a factory: {@code @Inject} works in a plain {@code @Route} class, and
 * {@code @PreDestroy} runs when an instance is released. On Spring Boot, the Spring application context makes them
 * the same way unless the settings name a factory.
 */
@FunctionalInterface
public interface InstanceFactory {

    /**
     * Makes an instance of a route class. Called on the thread that opens the connection, or once when the server
     * starts for a shared route; an exception closes that connection with 1011 (or fails the start).
     *
     * @param routeClass the {@code @Route} class
     * @return an instance of it
     */
    Object create(Class<?> routeClass);

    /**
     * Ends an instance this factory made, once Switchboard is done with it: after the connection's
     * {@code @OnDisconnected} returned, or when the server stopped for a shared route. Nothing by default, which
     * suits factories whose container manages the instances' lives.
     *
     * @param instance an instance {@link #create} returned
     */
    default void release(Object instance) {
    }
}
