package dev.switchboard.contract;

import dev.switchboard.OnText;
import dev.switchboard.Route;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain route class, no bean annotation, with a CDI bean injected into a field and a {@code @PreDestroy}: on a
 * container with CDI, Switchboard makes its instances with CDI and releases them after {@code @OnDisconnected}.
 * Answers {@code greet} with the bean's greeting ({@code no injection} without CDI) and {@code released?} with how
 * many instances were released.
 */
@Route("/injected")
public class InjectedRoute {

    private static final AtomicInteger RELEASED = new AtomicInteger();

    @Inject
    Greeter greeter;

    @OnText
    String said(String text) {
        return switch (text) {
            case "greet" -> greeter == null ? "no injection" : greeter.greet("ann");
            case "released?" -> Integer.toString(RELEASED.get());
            default -> "?";
        };
    }

    @PreDestroy
    void released() {
        RELEASED.incrementAndGet();
    }
}
