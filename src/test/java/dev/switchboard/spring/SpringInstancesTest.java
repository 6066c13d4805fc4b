package dev.switchboard.spring;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class SpringInstancesTest {

    @Test
    void aClassThatIsNoBeanIsMadeWithItsDependenciesInjectedAndEndedLikeABean() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Greeter.class)) {
            SpringInstances instances = new SpringInstances(context.getAutowireCapableBeanFactory());

            GreetingRoute route = (GreetingRoute) instances.create(GreetingRoute.class);
            assertSame(context.getBean(Greeter.class), route.greeter, "the context's bean, by the constructor");
            assertEquals("started", route.state);
            assertNotSame(route, instances.create(GreetingRoute.class), "a new instance for every call");

            instances.release(route);
            assertEquals("ended", route.state);
        }
    }

    static class Greeter {
    }

    static class GreetingRoute {
        final Greeter greeter;
        String state = "made";

        GreetingRoute(Greeter greeter) {
            this.greeter = greeter;
        }

        @PostConstruct
        void start() {
            state = "started";
        }

        @PreDestroy
        void end() {
            state = "ended";
        }
    }
}
