package dev.switchboard.processor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds the handlers of a route class as Java sees its methods: those it declares and those it inherits from
 * its superclasses, where a method that overrides a handler is that same handler.
 */
final class HandlerMethods {

    /**
     * One handler of a route or client.
     *
     * @param endpoint    whether the class is a route or a client, for the rules that differ and the messages
     * @param route       the {@code @Route} or {@code @WebSocketClient} class
     * @param kinds       the handler annotations that apply, in the order written; more than one is a mistake
     * @param declaration the method that carries them: of the methods that override one another, the one
     *                    nearest to the route class with a handler annotation; its parameters are read
     * @param called      the method the adapter's call {@code route.name(...)} runs: the nearest override, or
     *                    the declaration itself
     * @param type        the declaration's type as a member of the route class: a generic superclass's type
     *                    variables replaced by the route's type arguments
     */
    record HandlerMethod(EndpointKind endpoint, TypeElement route, List<HandlerKind> kinds, ExecutableElement declaration,
            ExecutableElement called, ExecutableType type) {

        /** How messages name a method of this handler: {@code Base#said (inherited by ChatRoom)}. */
        String where(ExecutableElement method) {
            return Naming.methodRef(method, route);
        }

        /** The declared type of one of the declaration's parameters, as a member of the route class. */
        TypeMirror typeOf(VariableElement parameter) {
            return type.getParameterTypes().get(declaration.getParameters().indexOf(parameter));
        }
    }

    private final Elements elements;
    private final Types types;

    HandlerMethods(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /**
     * The handlers of a route, superclasses' first, each class's in source order: the order in which a
     * reader meets them, and in which "a second handler of a kind" is told from the first.
     */
    List<HandlerMethod> of(EndpointKind endpoint, TypeElement route) {
        List<TypeElement> classes = classes(route);
        List<HandlerMethod> handlers = new ArrayList<>();
        for (List<ExecutableElement> overrides : overrideChains(route, classes)) {
            ExecutableElement declaration = overrides.stream().filter(m -> !HandlerKind.on(m).isEmpty())
                    .findFirst().orElse(null);
            if (declaration != null) {
                handlers.add(new HandlerMethod(endpoint, route, kinds(overrides, declaration), declaration, overrides.get(0),
                        (ExecutableType) types.asMemberOf((DeclaredType) route.asType(), declaration)));
            }
        }
        handlers.sort(Comparator.comparing((HandlerMethod h) -> -classes.indexOf(enclosing(h.declaration())))
                .thenComparing(h -> enclosing(h.declaration()).getEnclosedElements().indexOf(h.declaration())));
        return handlers;
    }

    /**
     * Whether the route's class hierarchy or a handler in it mentions a type javac could not resolve yet.
     * Such a type may come from another processor in a later round; if it never does, javac reports it
     * itself, so checking the route now would only add misleading "unsupported type" errors.
     */
    boolean hasUnresolvedTypes(TypeElement route) {
        for (TypeElement type : classes(route)) {
            if (type.getSuperclass().getKind() == TypeKind.ERROR) {
                return true;
            }
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                if (!HandlerKind.on(method).isEmpty() && unresolved(method)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The route class and its superclasses, nearest first, without {@code Object}. */
    static List<TypeElement> classes(TypeElement route) {
        List<TypeElement> classes = new ArrayList<>();
        for (TypeElement type = route; type != null; type = superclass(type)) {
            classes.add(type);
        }
        return classes;
    }

    /**
     * The methods of the classes, grouped by what overrides what: each group starts with the method nearest
     * to the route class and goes on with the methods it overrides.
     */
    private List<List<ExecutableElement>> overrideChains(TypeElement route, List<TypeElement> classes) {
        List<List<ExecutableElement>> chains = new ArrayList<>();
        for (TypeElement type : classes) {
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                chains.stream().filter(chain -> elements.overrides(chain.get(0), method, route)).findFirst()
                        .ifPresentOrElse(chain -> chain.add(method), () -> chains.add(new ArrayList<>(List.of(method))));
            }
        }
        return chains;
    }

    /** The kinds of the declaration, then any other kind a method it overrides carries. */
    private static List<HandlerKind> kinds(List<ExecutableElement> overrides, ExecutableElement declaration) {
        List<HandlerKind> kinds = new ArrayList<>(HandlerKind.on(declaration));
        for (ExecutableElement method : overrides) {
            HandlerKind.on(method).stream().filter(kind -> !kinds.contains(kind)).forEach(kinds::add);
        }
        return kinds;
    }

    private static TypeElement enclosing(ExecutableElement method) {
        return (TypeElement) method.getEnclosingElement();
    }

    /** The superclass, or {@code null} at {@code Object}, an interface or an unresolved superclass. */
    private static TypeElement superclass(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        if (superclass.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
        return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
    }

    private static boolean unresolved(ExecutableElement method) {
        return unresolved(method.getReturnType())
                || method.getParameters().stream().anyMatch(p -> unresolved(p.asType()));
    }

    private static boolean unresolved(TypeMirror type) {
        if (type.getKind() == TypeKind.ERROR) {
            return true;
        }
        if (type instanceof ArrayType array) {
            return unresolved(array.getComponentType());
        }
        if (type instanceof DeclaredType declared) {
            return declared.getTypeArguments().stream().anyMatch(HandlerMethods::unresolved);
        }
        return false;
    }
}
