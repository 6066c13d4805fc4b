package dev.switchboard.processor;

import dev.switchboard.Codec;
import dev.switchboard.HandshakeCheck;
import dev.switchboard.Route;
import dev.switchboard.WebSocketClient;

import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.MirroredTypeException;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The rule of the classes a route names, {@link Route#handshake()} and {@link Route#codec()}, as their Javadoc
 * states it: the route's generated adapter creates one with {@code new Check()}, from the route's package, so it
 * must be a class the adapter can create there, through a no-argument constructor it can call that throws no
 * checked exception. A client's {@link WebSocketClient#codec()} follows the same rule.
 */
final class NamedClassRules {

    /** An attribute that names a class: what messages call it, and its default. */
    enum Attribute {
        /** {@link Route#handshake()}; a client has none. */
        HANDSHAKE("handshake check", HandshakeCheck.class),
        /** {@link Route#codec()} or {@link WebSocketClient#codec()}. */
        CODEC("codec", Codec.class);

        private final String noun;
        private final Class<?> none;

        Attribute(String noun, Class<?> none) {
            this.noun = noun;
            this.none = none;
        }

        /** The class the attribute names; javac throws a MirroredTypeException for a class not yet compiled. */
        private Class<?> read(EndpointKind kind, TypeElement type) {
            if (this == CODEC && kind == EndpointKind.CLIENT) {
                return type.getAnnotation(WebSocketClient.class).codec();
            }
            Route route = type.getAnnotation(Route.class);
            return this == CODEC ? route.codec() : route.handshake();
        }
    }

    private final Elements elements;
    private final Types types;
    private final Problems problems;
    private final TypeMirror runtimeException;
    private final TypeMirror error;

    NamedClassRules(Elements elements, Types types, Problems problems) {
        this.elements = elements;
        this.types = types;
        this.problems = problems;
        this.runtimeException = elements.getTypeElement(RuntimeException.class.getName()).asType();
        this.error = elements.getTypeElement(Error.class.getName()).asType();
    }

    /**
     * Checks the class that an attribute of the route or client names.
     *
     * @return the class, or {@code null} if the route names none (or javac could not resolve it, which it reports
     *         itself)
     */
    TypeElement check(EndpointKind kind, TypeElement route, Attribute attribute) {
        TypeMirror type = named(kind, route, attribute);
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement check = (TypeElement) ((DeclaredType) type).asElement();
        if (check.getQualifiedName().contentEquals(attribute.none.getName())) {
            return null;
        }
        String routePackage = Naming.packageName(route);
        String problem = problem(check, routePackage);
        if (problem != null) {
            String name = Naming.displayName(check);
            problems.type(kind, attribute.noun + " needs a no-argument constructor that the " + kind.noun()
                            + "'s adapter can call", name + ", " + problem + ",", route,
                    "give " + name + " a public no-argument constructor that throws no checked exception, and make "
                            + name + " a public class, top-level or static nested, not abstract; the " + kind.noun()
                            + "'s adapter, in " + Naming.packageText(routePackage) + ", creates it with new " + name
                            + "()");
        }
        return check;
    }

    /** What keeps the adapter from writing {@code new Check()}, as a clause on the class, or {@code null}. */
    private String problem(TypeElement check, String routePackage) {
        if (check.getKind() != ElementKind.CLASS && check.getKind() != ElementKind.RECORD) {
            return "which is " + (check.getKind() == ElementKind.INTERFACE ? "an interface" : "an enum");
        }
        if (check.getModifiers().contains(Modifier.ABSTRACT)) {
            return "which is abstract";
        }
        if (check.getNestingKind() == NestingKind.MEMBER && !check.getModifiers().contains(Modifier.STATIC)) {
            return "which is a non-static inner class";
        }
        // A private class is visible in the route's own source but not to its adapter. Other classes the route's
        // package cannot see are javac's own error: their class literal does not compile there.
        for (Element type = check; type instanceof TypeElement; type = type.getEnclosingElement()) {
            if (type.getModifiers().contains(Modifier.PRIVATE)) {
                return type == check ? "which is private"
                        : "which is inside the private class " + Naming.displayName((TypeElement) type);
            }
        }
        ExecutableElement constructor = ElementFilter.constructorsIn(check.getEnclosedElements()).stream()
                .filter(c -> c.getParameters().isEmpty()).findFirst().orElse(null);
        if (constructor == null) {
            return "which has no no-argument constructor";
        }
        if (!accessible(constructor.getModifiers(), check, routePackage)) {
            return "whose no-argument constructor is " + access(constructor.getModifiers(), check);
        }
        String checked = constructor.getThrownTypes().stream()
                .filter(thrown -> !types.isSubtype(thrown, runtimeException) && !types.isSubtype(thrown, error))
                .map(Naming::type).collect(Collectors.joining(", "));
        return checked.isEmpty() ? null : "whose no-argument constructor throws " + checked;
    }

    /** Whether code of the route's package can call a constructor with these modifiers of this class. */
    private static boolean accessible(Set<Modifier> modifiers, TypeElement owner, String routePackage) {
        return modifiers.contains(Modifier.PUBLIC)
                || !modifiers.contains(Modifier.PRIVATE) && Naming.packageName(owner).equals(routePackage);
    }

    /** {@code private}, or {@code package-private in package p}: the package is why it is out of reach. */
    private static String access(Set<Modifier> modifiers, TypeElement owner) {
        String access = Naming.access(modifiers);
        return modifiers.contains(Modifier.PRIVATE) ? access
                : access + " in " + Naming.packageText(Naming.packageName(owner));
    }

    /** The class that the attribute names: javac gives its type, in a MirroredTypeException, not a class. */
    private TypeMirror named(EndpointKind kind, TypeElement route, Attribute attribute) {
        try {
            return elements.getTypeElement(attribute.read(kind, route).getCanonicalName()).asType();
        } catch (MirroredTypeException e) {
            return e.getTypeMirror();
        }
    }
}
