package dev.switchboard.spring;

import dev.switchboard.ServerSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Serves the application's routes on Spring Boot's embedded servlet container (Tomcat, Jetty), which runs no
 * {@code ServletContainerInitializer} found in a jar, as Switchboard's WAR host needs. Spring Boot finds this
 * configuration by itself (it is listed in {@code META-INF/spring/...AutoConfiguration.imports}), in a servlet web
 * application whose class path has the Jakarta WebSocket API, as {@code spring-boot-starter-web} gives it.
 *
 * <p>The routes' server settings are the application's {@link ServerSettings} bean, or the defaults without one.
 * Unless those settings name an instance factory, the application context makes the route instances: a
 * {@code @Route} class needs no {@code @Component}, and its constructor, fields and methods are injected as a bean's.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "jakarta.websocket.server.ServerContainer")
public class SwitchboardAutoConfiguration {

    /** For Spring Boot, which makes it. */
    public SwitchboardAutoConfiguration() {
    }

    @Bean
    BootRoutes switchboardRoutes(ApplicationContext application, ObjectProvider<ServerSettings> settings) {
        return new BootRoutes(() -> RouteScan.of(application, application.getEnvironment(), application),
                () -> settings.getIfAvailable(ServerSettings::defaults),
                new SpringInstances(application.getAutowireCapableBeanFactory()));
    }
}
