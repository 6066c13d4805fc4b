package dev.switchboard.processor;

import dev.switchboard.Route;
import dev.switchboard.WebSocketClient;
import dev.switchboard.path.PathTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The rules of a {@code @Route} class as a whole, as {@link dev.switchboard.Route}'s Javadoc states them:
 * the runtime must be able to create it, its template must be valid, and no other route of the
 * compilation may answer the same paths. A {@code @WebSocketClient} class follows the first rule, in the same words,
 * and may not be a route too; it has no path.
 */
final class RouteRules {

    private final Elements elements;
    private final Problems problems;
    /** Shape of each valid path seen in this compilation (all rounds), to the class that has it. */
    private final Map<String, TypeElement> pathOwners = new HashMap<>();

    RouteRules(Elements elements, Problems problems) {
        this.elements = elements;
        this.problems = problems;
    }

    /** Checks that the generated adapter can write {@code new Route()}, or {@code new Client()}. */
    void instantiable(EndpointKind kind, TypeElement type) {
        if (type.getKind() != ElementKind.CLASS) {
            problems.type(kind, "class must be a plain class", article(type.getKind()), type,
                    "put " + kind.label() + " on a concrete class with a no-argument constructor");
            // Constructors of interfaces, enums, records and annotations say nothing useful beyond this.
            return;
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            problems.type(kind, "class must not be abstract", "an abstract class", type,
                    "remove 'abstract'; the runtime creates an instance of the " + kind.noun() + " class itself");
        }
        nesting(kind, type);
        if (!type.getTypeParameters().isEmpty()) {
            String parameters = type.getTypeParameters().stream().map(p -> p.getSimpleName().toString())
                    .collect(Collectors.joining(", ", "<", ">"));
            problems.type(kind, "class must not be generic", "type parameters " + parameters, type,
                    "remove the type parameters; the runtime creates the " + kind.noun() + " without type arguments");
        }
        if (kind == EndpointKind.ROUTE) {
            constructor(kind, type); // a client may be made by the application: WebSocketConnector.of(instance)
        }
    }

    private void nesting(EndpointKind kind, TypeElement type) {
        NestingKind nesting = type.getNestingKind();
        if (nesting == NestingKind.LOCAL || nesting == NestingKind.ANONYMOUS) {
            // javac does not show local and anonymous classes to processors today; kept for other compilers.
            problems.type(kind, "class must be top-level or a static nested class",
                    nesting == NestingKind.LOCAL ? "a local class" : "an anonymous class", type,
                    "move it out of the method into a top-level or static nested class");
            return;
        }
        if (type.getModifiers().contains(Modifier.PRIVATE)) {
            problems.type(kind, "class must not be private", "a private class", type,
                    "make it package-private, protected or public; the generated adapter in the same package"
                            + " creates it");
        }
        if (nesting == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
            problems.type(kind, "class must be top-level or a static nested class", "a non-static inner class", type,
                    "declare it static; an inner class needs an instance of its enclosing class");
        }
        for (Element outer = type.getEnclosingElement(); outer instanceof TypeElement;
                outer = outer.getEnclosingElement()) {
            if (outer.getModifiers().contains(Modifier.PRIVATE)) {
                problems.type(kind, "class must not be inside a private class",
                        "the private enclosing class " + Naming.displayName((TypeElement) outer), type,
                        "make " + outer.getSimpleName() + " package-private or wider, or move the " + kind.noun()
                                + " out of it");
            }
        }
    }

    /**
     * A route needs a no-argument constructor for Switchboard to make its instances, unless one of its
     * constructors is marked for an injector ({@code @Inject}, {@code @Autowired}): an instance factory then makes
     * them, and the adapter has no constructor to call.
     */
    private void constructor(EndpointKind kind, TypeElement type) {
        List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements());
        ExecutableElement noArgs = noArgumentConstructor(type);
        if (noArgs == null && constructors.stream().anyMatch(RouteRules::forInjector)) {
            return;
        }
        if (noArgs == null) {
            String found = constructors.stream()
                    .map(c -> type.getSimpleName() + c.getParameters().stream()
                            .map(p -> Naming.type(p.asType())).collect(Collectors.joining(", ", "(", ")")))
                    .collect(Collectors.joining(", "));
            problems.type(kind, "class needs a no-argument constructor", "only " + found, type,
                    "add a constructor without parameters that is not private, or mark the one an instance factory"
                            + " calls with @Inject");
        } else if (noArgs.getModifiers().contains(Modifier.PRIVATE)
                && elements.getOrigin(noArgs) == Elements.Origin.EXPLICIT) {
            // The implicit constructor of a private class is private too: that case is the class's problem.
            problems.type(kind, "class needs a no-argument constructor that is not private",
                    "a private no-argument constructor", type, "make the constructor package-private or wider");
        }
    }

    /**
     * The route's no-argument constructor, or {@code null} if it has none.
     *
     * @param type the route class
     * @return the constructor
     */
    static ExecutableElement noArgumentConstructor(TypeElement type) {
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .filter(c -> c.getParameters().isEmpty()).findFirst().orElse(null);
    }

    /** Whether a constructor is marked for an injector: an annotation named Inject (Jakarta, javax, Guice) or Autowired. */
    private static boolean forInjector(ExecutableElement constructor) {
        return constructor.getAnnotationMirrors().stream()
                .map(a -> a.getAnnotationType().asElement().getSimpleName().toString())
                .anyMatch(name -> name.equals("Inject") || name.equals("Autowired"));
    }

    /**
     * Reports a class that is both a route and a client: one instance cannot be both the server's end of its
     * connections and the client's, and its adapter could not be both.
     *
     * @return whether the class is both
     */
    boolean routeAndClient(TypeElement type) {
        if (type.getAnnotation(Route.class) == null || type.getAnnotation(WebSocketClient.class) == null) {
            return false;
        }
        problems.type(EndpointKind.CLIENT, "class must not also be a @Route", "both @Route and @WebSocketClient",
                type, "remove one of the two; a route and a client need a class each, which can share handlers"
                        + " through an abstract base class");
        return true;
    }

    /** Reports every defect of the route's template; returns it if it is valid, else {@code null}. */
    PathTemplate template(TypeElement type, String path) {
        PathTemplate template = PathTemplate.parse(path);
        for (PathTemplate.Defect defect : template.defects()) {
            problems.type(EndpointKind.ROUTE, defect.rule(), defect.found(), type, defect.fix());
        }
        return template.valid() ? template : null;
    }

    /** Reports a route whose path matches the same requests as an earlier route's of this compilation. */
    void unique(TypeElement type, PathTemplate template) {
        TypeElement owner = pathOwners.putIfAbsent(template.shape(), type);
        if (owner != null && !owner.equals(type)) {
            String other = owner.getAnnotation(Route.class).value();
            problems.type(EndpointKind.ROUTE, "path must differ from every other route's path",
                    PathTemplate.quote(template.path()) + ", which " + owner.getQualifiedName()
                            + " already serves as " + PathTemplate.quote(other) + ",", type,
                    "change one of the two paths; paths that differ only in variable names match the same requests");
        }
    }

    private static String article(ElementKind kind) {
        return switch (kind) {
            case INTERFACE -> "an interface";
            case ENUM -> "an enum";
            case ANNOTATION_TYPE -> "an annotation type";
            default -> "a " + kind.name().toLowerCase(Locale.ROOT);
        };
    }
}
