package dev.switchboard.processor;

import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * What a route's adapter may use in the module the route is compiled in. (That a named module must also provide
 * the adapter as a service cannot be checked here, see {@link #seesGenerated}: the runtime says it, naming the
 * clause to add.)
 */
final class ModuleRules {

    private final Elements elements;

    ModuleRules(Elements elements) {
        this.elements = elements;
    }

    /**
     * Whether the route's adapter may carry {@code @javax.annotation.processing.Generated}: it lives in the
     * java.compiler module, which a named module rarely reads, so only adapters on the class path carry it. (The
     * module's requires clauses are not read: asking for a module's directives during processing makes javac
     * resolve its provides clauses at once, before the adapters they name exist, and refuse them.)
     */
    boolean seesGenerated(TypeElement route) {
        ModuleElement module = elements.getModuleOf(route);
        return (module == null || module.isUnnamed()) && elements.getTypeElement(AdapterWriter.GENERATED) != null;
    }
}
