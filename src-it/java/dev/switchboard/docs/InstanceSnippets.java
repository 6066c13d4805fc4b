package dev.switchboard.docs;

import dev.switchboard.Switchboard;
import dev.switchboard.example.ChatRoute;

/**
 * Route instances from an injector, as docs/hosts.md shows them. {@link Injector} has the shape of Guice's
 * {@code com.google.inject.Injector#getInstance}, which is not a dependency here: the line compiles the same with
 * Guice's own.
 */
public final class InstanceSnippets {

    /** Guice's {@code Injector}, as far as the snippet uses it. */
    public interface Injector {
        <T> T getInstance(Class<T> type);
    }

    private InstanceSnippets() {
    }

    /** A server whose route instances come from a Guice injector. */
    public static Switchboard withGuice(Injector injector) {
        // tag::guice[]
        Switchboard server = Switchboard.builder()
                .route(ChatRoute.class)
                .instanceFactory(injector::getInstance)     // every route instance comes from Guice
                .build();
        // end::guice[]
        return server;
    }
}
