package dev.switchboard.spring;

import dev.switchboard.InstanceFactory;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;

/**
 * Route instances made by a Spring application context as it makes a prototype bean: constructor, fields and
 * methods injected ({@code @Autowired}, {@code @Inject}, {@code @Value}), {@code @PostConstruct} run and bean
 * post-processors applied; released, {@code @PreDestroy} runs. The route class need not be a bean.
 */
final class SpringInstances implements InstanceFactory {

    private final AutowireCapableBeanFactory beans;

    SpringInstances(AutowireCapableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public Object create(Class<?> routeClass) {
        return beans.createBean(routeClass);
    }

    @Override
    public void release(Object instance) {
        beans.destroyBean(instance);
    }

    @Override
    public String toString() {
        return "Spring";
    }
}
