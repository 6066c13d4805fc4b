package dev.switchboard.servlet;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class RouteDeployerTest {

    @Test
    void aSecondInstallerOfTheSameApplicationGetsTheFirstOnesDeployerAndAddsNothing() {
        List<String> added = new ArrayList<>();
        ServletContext context = context(added);

        RouteDeployer first = RouteDeployer.installOn(context);
        new SwitchboardInitializer().onStartup(null, context);
        RouteDeployer second = RouteDeployer.installOn(context);

        assertSame(first, second);
        assertEquals(List.of("filter " + HandshakeFilter.class.getName(), "listener " + RouteDeployer.class.getName()),
                added, "one handshake filter and one deployer, whoever installs first");
        assertSame(first, context.getAttribute(RouteDeployer.class.getName()));
    }

    /** A servlet context that keeps attributes and notes the filters and listeners added to it. */
    private static ServletContext context(List<String> added) {
        Map<String, Object> attributes = new HashMap<>();
        FilterRegistration.Dynamic registration = (FilterRegistration.Dynamic) Proxy.newProxyInstance(
                RouteDeployerTest.class.getClassLoader(), new Class<?>[] {FilterRegistration.Dynamic.class},
                (proxy, method, args) -> null);
        return (ServletContext) Proxy.newProxyInstance(RouteDeployerTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "addFilter" -> {
                        added.add("filter " + args[0]);
                        yield registration;
                    }
                    case "addListener" -> {
                        added.add("listener " + args[0].getClass().getName());
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
