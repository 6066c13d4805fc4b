package com.example.greetings;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** An ordinary Spring bean, configured by the application's properties. */
@Service
public class Greeter {

    private final String salutation;

    public Greeter(@Value("${greetings.salutation:Hello}") String salutation) {
        this.salutation = salutation;
    }

    public String greet(String name) {
        return salutation + ", " + name + "!";
    }
}
