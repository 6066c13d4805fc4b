package dev.switchboard.processor;

import dev.switchboard.Route;
import dev.switchboard.path.PathTemplate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Checks {@code @Route} classes and their handlers against the rules in the annotations' Javadoc, reporting
 * every violation as a javac error on the offending element; writes an adapter for each valid route and,
 * in the final round, the ServiceLoader index of all adapters.
 *
 * <p>The work is split by job: {@link RouteScanner} finds what a round holds, {@link RouteRules},
 * {@link NamedClassRules}, {@link JakartaAnnotations} and {@link HandlerRules} check it (and plan the calls),
 * {@link AdapterWriter} and {@link IndexWriter} write.
 */
public final class RouteProcessor extends AbstractProcessor {

    private final RouteScanner scanner = new RouteScanner();
    private final IndexWriter index = new IndexWriter();
    /** Routes with types javac has not resolved yet, retried in later rounds (see HandlerMethods). */
    private final Set<String> deferred = new LinkedHashSet<>();
    private Problems problems;
    private RouteRules routeRules;
    private NamedClassRules namedClassRules;
    private JakartaAnnotations jakartaAnnotations;
    private HandlerRules handlerRules;
    private AdapterWriter adapterWriter;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("dev.switchboard.*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        problems = new Problems(env.getMessager());
        routeRules = new RouteRules(env.getElementUtils(), problems);
        namedClassRules = new NamedClassRules(env.getElementUtils(), env.getTypeUtils(), problems);
        jakartaAnnotations = new JakartaAnnotations(problems);
        adapterWriter = new AdapterWriter(env.getFiler(), new ModuleRules(env.getElementUtils())::seesGenerated,
                RouteProcessor.class.getName());
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.processingOver()) {
            writeIndex();
            return false;
        }
        for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
            rememberCompiled(type);
        }
        RouteScanner.Scan scan = scanner.scan(round);
        for (RouteScanner.StrayHandler stray : scan.strayHandlers()) {
            handlerRules().outsideRoute(stray.kind(), stray.method());
        }
        scan.strayPathParams().forEach(handlerRules()::pathParamOutsideHandler);

        List<TypeElement> routes = new ArrayList<>();
        for (String name : deferred) {
            routes.add(processingEnv.getElementUtils().getTypeElement(name));
        }
        deferred.clear();
        routes.addAll(scan.routes());
        for (TypeElement route : routes) {
            if (handlerRules().hasUnresolvedTypes(route)) {
                deferred.add(route.getQualifiedName().toString());
            } else {
                process(route);
            }
        }
        // Returning false leaves the annotations to any other processor that wants them.
        return false;
    }

    private void process(TypeElement route) {
        int problemsBefore = problems.count();
        Route annotation = route.getAnnotation(Route.class);
        routeRules.instantiable(route);
        PathTemplate template = routeRules.template(route, annotation.value());
        if (template != null) {
            routeRules.unique(route, template);
        }
        TypeElement handshake = namedClassRules.check(route, NamedClassRules.Attribute.HANDSHAKE);
        TypeElement codec = namedClassRules.check(route, NamedClassRules.Attribute.CODEC);
        jakartaAnnotations.check(route);
        List<RoutePlan.Handler> handlers = handlerRules().check(route, template, codec != null);
        if (problems.count() > problemsBefore) {
            return;
        }
        RoutePlan plan = new RoutePlan(route, annotation, handshake, codec, handlers);
        try {
            adapterWriter.write(plan);
            index.add(Naming.adapterBinaryName(route));
        } catch (IOException e) {
            // Typically a FilerException: a class of the adapter's name already exists.
            problems.type("class needs its adapter name " + Naming.adapterSimpleName(route) + " for itself",
                    "\"" + e.getMessage() + "\"", route,
                    "rename the route, or the other class of that name, so that they no longer clash");
        }
    }

    private void writeIndex() {
        try {
            index.write(processingEnv.getFiler(), name -> processingEnv.getElementUtils().getTypeElement(name) != null);
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "Switchboard could not write " + IndexWriter.RESOURCE + ": " + e);
        }
    }

    /** Notes the adapter name of a compiled class and its nested classes, for the index merge. */
    private void rememberCompiled(TypeElement type) {
        index.compiled(Naming.adapterBinaryName(type));
        for (Element member : type.getEnclosedElements()) {
            if (member instanceof TypeElement nested) {
                rememberCompiled(nested);
            }
        }
    }

    /** Created on first use: it looks up Switchboard's types, present whenever its annotations are. */
    private HandlerRules handlerRules() {
        if (handlerRules == null) {
            handlerRules = new HandlerRules(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), problems);
        }
        return handlerRules;
    }
}
