package dev.switchboard.contract;

import jakarta.enterprise.context.ApplicationScoped;

/** A CDI bean that {@link InjectedRoute} gets injected, where the container has CDI. */
@ApplicationScoped
public class Greeter {

    /**
     * Greets someone.
     *
     * @param name who
     * @return the greeting
     */
    public String greet(String name) {
        return "hello " + name;
    }
}
