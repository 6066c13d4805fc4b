package dev.switchboard.spring;

import dev.switchboard.OnText;
import dev.switchboard.Route;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RouteScanTest {

    @Test
    void theRouteClassesOfTheApplicationsPackagesAreFoundAndNothingElse() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            AutoConfigurationPackages.register(context, RouteScanTest.class.getPackageName());
            context.refresh();

            assertEquals(Set.of(ScannedRoute.class), RouteScan.of(context, context.getEnvironment(), context));
        }
    }

    @Test
    void anApplicationWithoutPackagesHasNoRoutesToCheck() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.refresh();

            assertEquals(Set.of(), RouteScan.of(context, context.getEnvironment(), context));
        }
    }

    @Route("/scanned")
    static class ScannedRoute {
        @OnText
        String echo(String text) {
            return text;
        }
    }
}
