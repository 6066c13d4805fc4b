package dev.switchboard.docs;

import dev.switchboard.Switchboard;
import dev.switchboard.contract.InjectedRoute;
import org.springframework.context.ApplicationContext;

/**
 * Route instances from a plain Spring application context (without Spring Boot), as docs/spring-boot.md shows
 * them. {@code DocsExamplesIT} runs {@link #serverWithSpringInstances(ApplicationContext)}.
 */
public final class SpringSnippets {

    private SpringSnippets() {
    }

    /** A server on a free port of 127.0.0.1 whose route instances the context makes, started. */
    public static Switchboard serverWithSpringInstances(ApplicationContext context) {
        // tag::plain-spring[]
        Switchboard server = Switchboard.builder()
                .host("127.0.0.1").port(0)
                .route(InjectedRoute.class)
                .instanceFactory(context.getAutowireCapableBeanFactory()::createBean)
                .build()
                .start();
        // end::plain-spring[]
        return server;
    }
}
