package dev.switchboard.spring;

import dev.switchboard.Route;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code @Route} classes in the application's own packages (those of its {@code @SpringBootApplication}), found
 * as Spring finds components. Switchboard serves the routes of the index its annotation processor writes; in a WAR
 * the container hands over the {@code @Route} classes to check against it, and on Spring Boot this scan does, so
 * that a build that did not run the processor fails the start with a message that says so, instead of serving
 * nothing.
 */
final class RouteScan {

    private RouteScan() {
    }

    static Set<Class<?>> of(BeanFactory beans, Environment environment, ResourceLoader resources) {
        List<String> packages = AutoConfigurationPackages.has(beans) ? AutoConfigurationPackages.get(beans) : List.of();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false,
                environment);
        scanner.setResourceLoader(resources);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<Class<?>> routes = new LinkedHashSet<>();
        for (String name : packages) {
            for (BeanDefinition found : scanner.findCandidateComponents(name)) {
                routes.add(ClassUtils.resolveClassName(found.getBeanClassName(), resources.getClassLoader()));
            }
        }
        return routes;
    }
}
