package dev.switchboard.settingsapp;

import dev.switchboard.OnText;
import dev.switchboard.Route;
import jakarta.inject.Inject;

/** A route with no no-argument constructor: only the app's instance factory can make it. */
@Route("/tuned/made")
public class MadeRoute {

    private final String greeting;

    @Inject
    MadeRoute(String greeting) {
        this.greeting = greeting;
    }

    @OnText
    String said(String text) {
        return greeting;
    }
}
