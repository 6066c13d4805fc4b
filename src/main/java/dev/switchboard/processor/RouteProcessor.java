package dev.switchboard.processor;

import dev.switchboard.Route;
import dev.switchboard.path.PathTemplate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * Checks {@code @Route} and {@code @WebSocketClient} classes and their handlers against the rules in the
 * annotations' Javadoc, reporting every violation as a javac error on the offending element; writes an adapter for
 * each valid route and client and, in the final round, the ServiceLoader indexes of all adapters: one of routes, one
 * of clients, so that no server ever serves a client.
 *
 * <p>The work is split by job: {@link RouteScanner} finds what a round holds, {@link RouteRules},
 * {@link NamedClassRules}, {@link JakartaAnnotations} and {@link HandlerRules} check it (and plan the calls),
 * {@link AdapterWriter} and {@link IndexWriter} write.
 */
public final class RouteProcessor extends AbstractProcessor {

    private final RouteScanner scanner = new RouteScanner();
    /** The index of each kind of adapter. */
    private final Map<EndpointKind, IndexWriter> indexes = new EnumMap<>(EndpointKind.class);
    /** Routes and clients with types javac has not resolved yet, retried in later rounds (see HandlerMethods). */
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
        for (EndpointKind kind : EndpointKind.values()) {
            indexes.put(kind, new IndexWriter(kind));
        }
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
            writeIndexes();
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

        List<TypeElement> endpoints = new ArrayList<>();
        for (String name : deferred) {
            endpoints.add(processingEnv.getElementUtils().getTypeElement(name));
        }
        deferred.clear();
        endpoints.addAll(scan.endpoints());
        for (TypeElement endpoint : endpoints) {
            if (routeRules.routeAndClient(endpoint)) {
                // Which rules apply is unclear until one annotation goes; checking by either would mislead.
                continue;
            }
            if (handlerRules().hasUnresolvedTypes(endpoint)) {
                deferred.add(endpoint.getQualifiedName().toString());
            } else {
                process(EndpointKind.of(endpoint), endpoint);
            }
        }
        // Returning false leaves the annotations to any other processor that wants them.
        return false;
    }

    /** Checks a route or client by the rules of its kind, and writes its adapter if it broke none. */
    private void process(EndpointKind kind, TypeElement type) {
        int problemsBefore = problems.count();
        routeRules.instantiable(kind, type);
        Route route = type.getAnnotation(Route.class);
        PathTemplate template = null;
        TypeElement handshake = null;
        if (kind == EndpointKind.ROUTE) {
            template = routeRules.template(type, route.value());
            if (template != null) {
                routeRules.unique(type, template);
            }
            handshake = namedClassRules.check(kind, type, NamedClassRules.Attribute.HANDSHAKE);
        }
        TypeElement codec = namedClassRules.check(kind, type, NamedClassRules.Attribute.CODEC);
        jakartaAnnotations.check(kind, type);
        List<RoutePlan.Handler> handlers = handlerRules().check(kind, type, template, codec != null);
        if (problems.count() > problemsBefore) {
            return;
        }
        RoutePlan plan = new RoutePlan(kind, type, kind == EndpointKind.ROUTE ? route : RoutePlan.INHERITED,
                handshake, codec, handlers);
        try {
            adapterWriter.write(plan);
            indexes.get(kind).add(type);
        } catch (IOException e) {
            // Typically a FilerException: a class of the adapter's name already exists.
            problems.type(kind, "class needs its adapter name " + Naming.adapterSimpleName(type, kind) + " for itself",
                    "\"" + e.getMessage() + "\"", type,
                    "rename the " + kind.noun() + ", or the other class of that name, so that they no longer clash");
        }
    }

    private void writeIndexes() {
        for (IndexWriter index : indexes.values()) {
            try {
                index.write(processingEnv.getFiler(),
                        name -> processingEnv.getElementUtils().getTypeElement(name) != null);
            } catch (IOException e) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                        "Switchboard could not write " + index.resource() + ": " + e);
            }
        }
    }

    /** Notes the adapter names of a compiled class and its nested classes, for the index merge. */
    private void rememberCompiled(TypeElement type) {
        indexes.values().forEach(index -> index.compiled(type));
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
