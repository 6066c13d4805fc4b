package com.example.greetings;

import dev.switchboard.OnText;
import dev.switchboard.Route;
import org.springframework.beans.factory.annotation.Autowired;

/** Answers every name sent to /greet with the greeting of the application's Greeter. */
@Route("/greet")
public class GreetingRoute {

    private final Greeter greeter;

    @Autowired
    public GreetingRoute(Greeter greeter) {
        this.greeter = greeter;
    }

    @OnText
    String greet(String name) {
        return greeter.greet(name);
    }
}
